"""Addresses in the data cannot carry markup or another scheme: checked when validating."""

from __future__ import annotations

import pytest

from policy_model.cli import main
from tests.dataset import replace_first

CZ_URL = "https://www.cz.nl/gli"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ('"https://x.nl/a) ![t](http://evil.test/p.png) [b](x"', "address contains ')'"),
        ("javascript:alert(1)", "must be an http(s) address such as https://www.example.nl/pagina (scheme: javascript)"),
        ('"data:text/html,<script>x</script>"', "(scheme: data)"),
        ('"https://www.cz.nl/g li"', "address contains ' '"),
        ("https://user:pw@www.cz.nl/gli", "without user name or password"),
        ("www.cz.nl/gli", "(scheme: none)"),
    ],
)
def test_a_source_address_must_be_a_plain_web_address(data, capsys, url, expected):
    replace_first(data / "sources.yaml", f"url: {CZ_URL}", f"url: {url}")
    assert main(["validate", str(data), "--no-quotes"]) == 1
    printed = capsys.readouterr().out
    line = next(line for line in printed.splitlines() if "sources.yaml:" in line and ".url:" in line)
    assert expected in line


@pytest.mark.parametrize(
    ("address", "expected"),
    [
        ("javascript:alert(1)", "scheme 'javascript' is not allowed here"),
        ('"data:image/png;base64,AAAA"', "scheme 'data' is not allowed here"),
        ('"www.cz.nl/gli)![x](http://evil.test/p.png"', "address contains ')'"),
        ('"rz.gli@cz.nl <img src=x>"', "address contains '<'"),
    ],
)
def test_a_contact_address_cannot_carry_markup_or_another_scheme(data, capsys, address, expected):
    replace_first(data / "policies" / "cz-2027.yaml", "address: rz.gli@cz.nl", f"address: {address}")
    assert main(["validate", str(data), "--no-quotes"]) == 1
    printed = capsys.readouterr().out
    assert "policies/cz-2027.yaml:" in printed and ".address: " + expected in printed, printed


def test_e_mail_phone_and_www_addresses_stay_valid(data, capsys):
    replace_first(data / "policies" / "cz-2027.yaml", "address: rz.gli@cz.nl", 'address: "tel:+31 71 582 5441"')
    assert main(["validate", str(data), "--no-quotes"]) == 0, capsys.readouterr().out
