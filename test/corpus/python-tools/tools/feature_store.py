from dataclasses import dataclass, field
import os

from databricks import sql


@dataclass
class WarehouseConfig:
    host: str = "adb-4182736450981234.12.azuredatabricks.net"
    http_path: str = "/sql/1.0/warehouses/8f2c1e0a9b7d6c5e"
    token: str = field(default_factory=lambda: os.environ.get("DATABRICKS_TOKEN", "dapi2204462814a09d0d9f46b86782546d0d"))
    #                                                                                ^ secret


def features(user_ids: list[int]) -> list[tuple]:
    cfg = WarehouseConfig()
    with sql.connect(server_hostname=cfg.host, http_path=cfg.http_path, access_token=cfg.token) as conn:
        with conn.cursor() as cur:
            cur.execute("SELECT * FROM features.user_daily WHERE user_id IN (%s)" % ",".join("?" * len(user_ids)), user_ids)
            return cur.fetchall()
