"""Synthetic datasets for the benchmark: the real data repeated for many insurers.

Scale N gives N copies of every insurer (cz, cz_1, ..., cz_{N-1}) with all their policies,
so each copy has as many requirements as the real one and cost can be read per insurer.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from policy_model.paths import DEFAULT_DATA_DIR


def make_scaled_dataset(scale: int, target: Path, source: Path = DEFAULT_DATA_DIR) -> Path:
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(source, target)
    insurers = yaml.safe_load((source / "insurers.yaml").read_text(encoding="utf-8"))
    originals = list(insurers["insurers"])
    for k in range(1, scale):
        for insurer in originals:
            clone = dict(insurer, id=f"{insurer['id']}_{k}", name=f"{insurer['name']} {k}",
                         short_name=f"{insurer['short_name']} {k}")
            insurers["insurers"].append(clone)
        for path in sorted((source / "policies").glob("*.yaml")):
            policy = yaml.safe_load(path.read_text(encoding="utf-8"))
            policy["insurer"] = f"{policy['insurer']}_{k}"
            out = target / "policies" / f"{policy['insurer']}-{policy['year']}.yaml"
            out.write_text(yaml.safe_dump(policy, allow_unicode=True, sort_keys=False), encoding="utf-8")
    (target / "insurers.yaml").write_text(yaml.safe_dump(insurers, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return target
