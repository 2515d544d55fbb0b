# This file is maintained automatically by "terraform init".
# Manual edits may be lost in future updates.

provider "registry.terraform.io/hashicorp/aws" {
  version     = "5.54.1"
  constraints = "~> 5.54"
  hashes = [
    "h1:JGuXEDde8S1E/WTXn+V9lebZMTxoJGds7bnuEM5NWvw=",
    "zh:466acd7f1a7ea5639a3fa54d5e0c867c17fd10f83e3a03e46d587deae80eba7f",
    "zh:f25b068abdb358ad806707e1722e2863d2a7e8171a0888e44da83b8c18cbde62",
    "zh:83406dcd20f6d2796837b3e45d14894fe8045c37e911d961b1df96b5095ddd64",
    "zh:9d29b1c649fdecb5a5b1422aaaa8f9732e1888b9ccae3aa5df0fa7a96be328c9",
    "zh:9bea1e3da13662bcd7aa335889b5ee264ceb82324829e2e0da49307a6bc77732",
  ]
}

provider "registry.terraform.io/hashicorp/random" {
  version     = "3.6.2"
  constraints = "~> 3.6"
  hashes = [
    "h1:wKz2y5drT1qYvgBorVDRB3dCBQdumzbmXGMVqD5fKXf=",
    "zh:d6d072cc0e1c880a7032b364841d49f5adcf643b3bf9f50c2031598b6520ff0e",
    "zh:a458e18058d2bdf9d45570c4a8c22ffc415dd4d16b9c1cd697e71ebea78e6a96",
    "zh:5a52b0636e148d337c29228302a464d41b5f94345294c8ef4ff9468c8627ee1c",
  ]
}
