#!/usr/bin/env python3
"""Check that the group policy templates and the settings table agree.

    check-admx.py GENIUS_CLI TEMPLATE_DIR

Reads the settings table from `GENIUS_CLI settings --json` (with a throw-away profile) and
TEMPLATE_DIR/NRWGenius.admx with en-US/ and de-DE/NRWGenius.adml, and checks that
- every key of the table has exactly one policy, and every policy is a key of the table:
  policy key Software\\Policies\\IT.NRW\\Genius\\<group> + valueName <name> = key <group>/<name>,
  class Machine, under the NRW.Genius category;
- the element fits the key's type: text for strings and lists (';'-separated), decimal for
  whole numbers, enum for closed-set keys, boolean for switches; the default of the table is
  a valid value of the element, and the presentation shows it as its default;
- enum values equal the table's choices and decimal ranges its minimum and maximum, where the
  JSON carries `choices`, `minimum` and `maximum` (otherwise a note says what was not compared);
- both ADMLs define every $(string.X) and $(presentation.X) the ADMX references, each
  presentation has exactly the controls of its policy's elements, and the German display names
  and explanations are not the English ones.
Only the standard library; nothing about the table is written down here.
"""

import json
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

POLICY_NAMESPACE = "http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions"
N = {"p": POLICY_NAMESPACE}
POLICY_ROOT = "Software\\Policies\\IT.NRW\\Genius\\"
CATEGORY = "NRWGenius"
LANGUAGES = ("en-US", "de-DE")
ELEMENT_KINDS = ("text", "decimal", "enum", "boolean", "list", "multiText", "longDecimal")

problems: list[str] = []
notes: list[str] = []


def problem(text: str) -> None:
    problems.append(text)


def local(tag: str) -> str:
    return tag.split("}", 1)[-1]


def settings_table(cli: str) -> list[dict]:
    with tempfile.TemporaryDirectory(prefix="genius-admx-") as profile:
        result = subprocess.run([cli, "settings", "--json", "--profile", profile],
                                capture_output=True, encoding="utf-8", errors="replace", timeout=120)
    if result.returncode != 0:
        sys.exit(f"check-admx.py: `{cli} settings --json` failed ({result.returncode}): {result.stderr.strip()}")
    table = json.loads(result.stdout)
    if not isinstance(table, list) or not table or not all("key" in row for row in table):
        sys.exit("check-admx.py: `settings --json` did not return a list of keys")
    return table


def value_kind(row: dict) -> str:
    """The key's type: from the JSON's `type` where it has one, else from the default's JSON type."""
    declared = row.get("type")
    if declared:
        return {"string": "string", "bool": "bool", "boolean": "bool", "int": "int", "integer": "int",
                "stringlist": "list", "list": "list"}.get(str(declared).lower(), str(declared))
    default = row.get("default")
    if isinstance(default, bool):
        return "bool"
    if isinstance(default, int):
        return "int"
    if isinstance(default, list):
        return "list"
    return "string"


def enum_values(element: ET.Element) -> list[str]:
    values = []
    for item in element.findall("p:item", N):
        string = item.find("p:value/p:string", N)
        values.append(None if string is None else (string.text or ""))
    return values


def check_policy(row: dict, element: ET.Element, controls: dict[str, tuple]) -> None:
    """controls: language -> (tag, element) of the presentation control showing this element."""
    key = row["key"]
    kind = value_kind(row)
    tag = local(element.tag)
    default = row.get("default")
    choices = row.get("choices")

    if kind == "list":
        if tag != "text":
            problem(f"{key}: a list is a text element with ';'-separated entries, not {tag}")
    elif kind == "int":
        if tag != "decimal":
            problem(f"{key}: a whole number is a decimal element, not {tag}")
        else:
            low = int(element.get("minValue", "0"))
            high = int(element.get("maxValue", "9999"))  # the ADMX schema's defaults
            if "minimum" in row and row["minimum"] != low:
                problem(f"{key}: minValue {low}, the table's minimum is {row['minimum']}")
            if "maximum" in row and row["maximum"] != high:
                problem(f"{key}: maxValue {high}, the table's maximum is {row['maximum']}")
            if not low <= default <= high:
                problem(f"{key}: the default {default} lies outside minValue {low} .. maxValue {high}")
            if element.get("storeAsText") == "true":
                problem(f"{key}: store the number as REG_DWORD (no storeAsText)")
    elif kind == "bool":
        if tag != "boolean":
            problem(f"{key}: a switch is a boolean element, not {tag}")
    elif kind == "string":
        if choices:
            if tag != "enum":
                problem(f"{key}: a closed-set key is an enum element, not {tag}")
        elif choices is not None and tag != "text":
            problem(f"{key}: a free-form string is a text element, not {tag}")
        elif tag not in ("text", "enum"):
            problem(f"{key}: a string is a text or enum element, not {tag}")
        if tag == "enum":
            values = enum_values(element)
            if None in values:
                problem(f"{key}: every enum item needs a <value><string> (the settings read text)")
            if len(set(values)) != len(values):
                problem(f"{key}: enum values repeat: {values}")
            if choices is not None and values != choices:
                problem(f"{key}: enum values {values}, the table's choices are {choices}")
            if default not in values:
                problem(f"{key}: the default {default!r} is not one of the enum values {values}")
    else:
        problem(f"{key}: unknown type {kind!r} in settings --json")

    # The presentation must offer the table's default as its own.
    expected_control = {"text": "textBox", "decimal": "decimalTextBox", "enum": "dropdownList", "boolean": "checkBox"}
    for language, (control_tag, control) in controls.items():
        if expected_control.get(tag, control_tag) != control_tag:
            problem(f"{language}: {key} is shown by a {control_tag}, expected a {expected_control[tag]}")
        elif tag == "decimal":
            shown = control.get("defaultValue", "1")
            if str(default) != shown:
                problem(f"{language}: {key} decimalTextBox defaultValue {shown}, the table's default is {default}")
        elif tag == "enum":
            values = enum_values(element)
            shown = control.get("defaultItem")
            if default in values and shown != str(values.index(default)):
                problem(f"{language}: {key} dropdownList defaultItem {shown}, "
                        f"the table's default {default!r} is item {values.index(default)}")


def load_adml(path: str) -> tuple[dict[str, str], dict[str, dict], str]:
    with open(path, encoding="utf-8") as source:
        text = source.read()  # a UnicodeDecodeError here is the answer: the file must be UTF-8
    root = ET.fromstring(text)
    if local(root.tag) != "policyDefinitionResources" or not root.tag.startswith("{" + POLICY_NAMESPACE):
        problem(f"{path}: root element is not policyDefinitionResources in the PolicyDefinitions namespace")
    strings: dict[str, str] = {}
    for string in root.findall("p:resources/p:stringTable/p:string", N):
        if string.get("id") in strings:
            problem(f"{path}: string {string.get('id')} is defined twice")
        strings[string.get("id")] = string.text or ""
    presentations: dict[str, dict] = {}
    for presentation in root.findall("p:resources/p:presentationTable/p:presentation", N):
        controls = {}
        for control in presentation:
            if control.get("refId"):
                controls[control.get("refId")] = (local(control.tag), control)
        if presentation.get("id") in presentations:
            problem(f"{path}: presentation {presentation.get('id')} is defined twice")
        presentations[presentation.get("id")] = controls
    return strings, presentations, text


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    cli, template_dir = sys.argv[1], sys.argv[2]
    table = settings_table(cli)
    rows = {row["key"]: row for row in table}
    if len(rows) != len(table):
        problem("settings --json lists a key twice")
    for field in ("choices", "minimum", "maximum"):
        if not any(field in row for row in table):
            notes.append(f"settings --json has no '{field}' field; compared only what the defaults show")

    admx_path = os.path.join(template_dir, "NRWGenius.admx")
    with open(admx_path, encoding="utf-8") as source:
        admx_text = source.read()
    admx = ET.fromstring(admx_text)
    if local(admx.tag) != "policyDefinitions" or not admx.tag.startswith("{" + POLICY_NAMESPACE):
        problem(f"{admx_path}: root element is not policyDefinitions in the PolicyDefinitions namespace")
    categories = {category.get("name") for category in admx.findall("p:categories/p:category", N)}
    if CATEGORY not in categories:
        problem(f"{admx_path}: no category {CATEGORY}")
    supported = {d.get("name") for d in admx.findall("p:supportedOn/p:definitions/p:definition", N)}

    adml = {language: load_adml(os.path.join(template_dir, language, "NRWGenius.adml")) for language in LANGUAGES}

    seen: dict[str, str] = {}
    names: set[str] = set()
    policy_strings: list[str] = []
    for policy in admx.findall("p:policies/p:policy", N):
        name = policy.get("name")
        if name in names:
            problem(f"policy {name} is defined twice")
        names.add(name)
        if policy.get("class") != "Machine":
            problem(f"{name}: class {policy.get('class')}, expected Machine (the policy root is in HKLM)")
        parent = policy.find("p:parentCategory", N)
        if parent is None or parent.get("ref") != CATEGORY:
            problem(f"{name}: not in category {CATEGORY}")
        support = policy.find("p:supportedOn", N)
        if support is None or support.get("ref") not in supported:
            problem(f"{name}: supportedOn names no definition of this file")
        for attribute in ("displayName", "explainText"):
            match = re.fullmatch(r"\$\(string\.([^)]+)\)", policy.get(attribute) or "")
            if not match:
                problem(f"{name}: {attribute} is not a $(string.X) reference")
            else:
                policy_strings.append(match.group(1))
        registry_key = policy.get("key") or ""
        if not registry_key.startswith(POLICY_ROOT) or "\\" in registry_key[len(POLICY_ROOT):]:
            problem(f"{name}: key {registry_key!r} is not {POLICY_ROOT}<group>")
            continue
        group = registry_key[len(POLICY_ROOT):]
        if policy.get("valueName"):
            problem(f"{name}: the value belongs to the element, not to the policy")
        elements = [e for e in policy.findall("p:elements/*", N) if local(e.tag) in ELEMENT_KINDS]
        if len(elements) != 1:
            problem(f"{name}: expected exactly one element, found {len(elements)}")
            continue
        element = elements[0]
        if element.get("key"):
            problem(f"{name}: the element must not move the value to another key")
        key = f"{group}/{element.get('valueName')}"
        if key in seen:
            problem(f"{key}: set by two policies, {seen[key]} and {name}")
        seen[key] = name
        presentation = re.fullmatch(r"\$\(presentation\.([^)]+)\)", policy.get("presentation") or "")
        if not presentation:
            problem(f"{name}: presentation is not a $(presentation.X) reference")
        for language, (_, presentations, _) in adml.items():
            if presentation and presentation.group(1) in presentations:
                refs = set(presentations[presentation.group(1)])
                if refs != {element.get("id")}:
                    problem(f"{language}: presentation {presentation.group(1)} shows {sorted(refs)}, "
                            f"the policy has element {element.get('id')}")
        if key not in rows:
            problem(f"{name}: {key} is not a key of the settings table")
            continue
        controls = {}
        for language, (_, presentations, _) in adml.items():
            control = presentations.get(presentation.group(1), {}).get(element.get("id")) if presentation else None
            if control is not None:
                controls[language] = control
        check_policy(rows[key], element, controls)

    for key in rows:
        if key not in seen:
            problem(f"{key}: no policy in {os.path.basename(admx_path)} (every key can be set by policy)")

    referenced_strings = set(re.findall(r"\$\(string\.([^)]+)\)", admx_text))
    referenced_presentations = set(re.findall(r"\$\(presentation\.([^)]+)\)", admx_text))
    for language, (strings, presentations, text) in adml.items():
        for missing in sorted(referenced_strings - set(strings)):
            problem(f"{language}: string {missing} is referenced by the ADMX but not defined")
        for missing in sorted(referenced_presentations - set(presentations)):
            problem(f"{language}: presentation {missing} is referenced by the ADMX but not defined")
        for empty in sorted(s for s in referenced_strings & set(strings) if not strings[s].strip()):
            problem(f"{language}: string {empty} is empty")
    english, german = adml["en-US"][0], adml["de-DE"][0]
    if set(english) != set(german):
        problem(f"the ADMLs define different strings: {sorted(set(english) ^ set(german))}")
    for string_id in policy_strings:
        if string_id in english and english.get(string_id) == german.get(string_id):
            problem(f"de-DE: {string_id} is still the English text {english[string_id]!r}")
    if not re.search("[äöüÄÖÜß]", adml["de-DE"][2]):
        problem("de-DE: no umlaut anywhere; were they written as ae/oe/ue?")

    for note in notes:
        print(f"NOTE: {note}")
    if problems:
        for text in problems:
            print(f"FAIL: {text}")
        print(f"{len(problems)} problem(s)")
        return 1
    print(f"OK: {len(rows)} keys, {len(seen)} policies, {len(referenced_strings)} strings in {', '.join(LANGUAGES)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
