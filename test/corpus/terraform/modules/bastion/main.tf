variable "ssh_public_key" { type = string }
variable "allowed_cidrs" { type = list(string) }

resource "aws_key_pair" "bastion" {
  key_name   = "bastion"
  public_key = var.ssh_public_key
}

resource "aws_key_pair" "breakglass" {
  key_name   = "breakglass"
  public_key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIO8E7m9Y1GJLVtRlryeZM4Ot70GpG1LyM9gw1oDvV2Y/ ops@acme.io"
}

resource "aws_instance" "bastion" {
  ami                    = "ami-0c1c30571d2dae5c9"
  instance_type          = "t4g.nano"
  key_name               = aws_key_pair.bastion.key_name
  vpc_security_group_ids = [aws_security_group.bastion.id]
  user_data              = <<-EOT
    #!/bin/bash
    echo "AllowTcpForwarding yes" >> /etc/ssh/sshd_config
    systemctl restart sshd
  EOT
}

resource "aws_security_group" "bastion" {
  name = "bastion"
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = var.allowed_cidrs
  }
}
