#!/usr/bin/env python3
"""Bridge the WiX 3 features genius.wxs uses that wixl (msitools 0.101) cannot build.

    wixl-compat.py strip PREPROCESSED.wxs OUT.wxs FIXUPS.json
    wixl-compat.py apply PACKAGE.msi FIXUPS.json

wixl stops at a Component's <Condition> and ignores Property/@Secure and
MajorUpgrade/@AllowSameVersionUpgrades. "strip" takes the output of `wixl -E` (preprocessed),
removes them and records them; after wixl has built the package, "apply" writes them into the
MSI with msibuild: the Component table's Condition column, the SecureCustomProperties property
and the VersionMaxInclusive bit of the upgrade row. The result has the rows WiX 3 writes for
the same source, so the checks on the wixl package hold for the Windows package too.
Used only by build-msi.sh; the Windows build reads genius.wxs unchanged.
"""

import json
import subprocess
import sys
import xml.etree.ElementTree as ET

WIX_NAMESPACE = "http://schemas.microsoft.com/wix/2006/wi"
NS = {"wix": WIX_NAMESPACE}


def sql_string(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def strip(preprocessed: str, output: str, fixups_path: str) -> int:
    ET.register_namespace("", WIX_NAMESPACE)
    tree = ET.parse(preprocessed)
    root = tree.getroot()

    conditions: dict[str, str] = {}
    for component in root.iter(f"{{{WIX_NAMESPACE}}}Component"):
        for condition in component.findall("wix:Condition", NS):
            text = (condition.text or "").strip()
            component_id = component.get("Id")
            if not component_id or not text:
                print("wixl-compat.py: a component condition needs a component Id and a text", file=sys.stderr)
                return 1
            conditions[component_id] = text
            component.remove(condition)

    secure: list[str] = []
    for prop in root.iter(f"{{{WIX_NAMESPACE}}}Property"):
        if prop.get("Secure") == "yes":
            secure.append(prop.get("Id"))
            del prop.attrib["Secure"]

    same_version_upgrades = False
    for upgrade in root.iter(f"{{{WIX_NAMESPACE}}}MajorUpgrade"):
        same_version_upgrades = upgrade.attrib.pop("AllowSameVersionUpgrades", "no") == "yes"

    tree.write(output, encoding="utf-8", xml_declaration=True)
    with open(fixups_path, "w", encoding="utf-8") as out:
        json.dump({"componentConditions": conditions, "secureProperties": secure,
                   "sameVersionUpgrades": same_version_upgrades}, out, indent=2)
    return 0


def msi_rows(package: str, table: str) -> list[list[str]]:
    exported = subprocess.run(["msiinfo", "export", package, table], check=True, capture_output=True, text=True)
    # Three header lines: column names, column types, table name and keys.
    return [line.split("\t") for line in exported.stdout.splitlines()[3:]]


def apply(package: str, fixups_path: str) -> int:
    with open(fixups_path, encoding="utf-8") as source:
        fixups = json.load(source)

    queries: list[str] = []
    components = {row[0] for row in msi_rows(package, "Component")}
    for component_id, condition in fixups["componentConditions"].items():
        if component_id not in components:
            print(f"wixl-compat.py: component {component_id} is not in the package", file=sys.stderr)
            return 1
        queries.append(f"UPDATE `Component` SET `Condition` = {sql_string(condition)} "
                       f"WHERE `Component` = {sql_string(component_id)}")

    if fixups["secureProperties"]:
        properties = {row[0]: row[1] if len(row) > 1 else "" for row in msi_rows(package, "Property")}
        existing = [name for name in properties.get("SecureCustomProperties", "").split(";") if name]
        merged = ";".join(existing + [name for name in fixups["secureProperties"] if name not in existing])
        if "SecureCustomProperties" in properties:
            queries.append(f"UPDATE `Property` SET `Value` = {sql_string(merged)} "
                           "WHERE `Property` = 'SecureCustomProperties'")
        else:
            queries.append(f"INSERT INTO `Property` (`Property`, `Value`) VALUES ('SecureCustomProperties', {sql_string(merged)})")

    if fixups["sameVersionUpgrades"]:
        # The row that finds older versions also takes the same version (msidbUpgradeAttributesVersionMaxInclusive).
        rows = [row for row in msi_rows(package, "Upgrade") if row[-1] == "WIX_UPGRADE_DETECTED"]
        if len(rows) != 1:
            print("wixl-compat.py: expected one Upgrade row for WIX_UPGRADE_DETECTED", file=sys.stderr)
            return 1
        # Attributes is part of the table's key, which UPDATE cannot change: replace the row.
        columns = ["UpgradeCode", "VersionMin", "VersionMax", "Language", "Attributes", "Remove", "ActionProperty"]
        row = dict(zip(columns, rows[0] + [""] * (len(columns) - len(rows[0]))))
        row["Attributes"] = str(int(row["Attributes"]) | 512)
        present = [column for column in columns if row[column] != ""]
        values = ", ".join(row[c] if c == "Attributes" else sql_string(row[c]) for c in present)
        queries.append("DELETE FROM `Upgrade` WHERE `ActionProperty` = 'WIX_UPGRADE_DETECTED'")
        queries.append(f"INSERT INTO `Upgrade` ({', '.join(f'`{c}`' for c in present)}) VALUES ({values})")

    for query in queries:
        subprocess.run(["msibuild", package, "-q", query], check=True)
    return 0


def main(argv: list[str]) -> int:
    if len(argv) == 5 and argv[1] == "strip":
        return strip(argv[2], argv[3], argv[4])
    if len(argv) == 4 and argv[1] == "apply":
        return apply(argv[2], argv[3])
    print(__doc__.strip(), file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
