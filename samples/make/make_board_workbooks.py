#!/usr/bin/env python3
"""The night run's two other sample boards (issue 14), beside the seed's Arbetsmarknadsnämnden:
their plan appendices, each in a layout of its own that the table reader already takes, made
with openpyxl (not the project's exceljs) the way another controller's tool would.

- verksamhetsplan-utbildningsnamnden-2019.xlsx: the header over two rows on the sheet "Bilaga 1":
  "Utfall" merged over 2017 and 2018, "Målvärde" merged over 2019 and 2020 (the years on the row
  below, two typed as numbers, two as text); focus areas and goals merged down over their rows;
  values as numbers with formats.
- verksamhetsplan-kultur-och-fritidsnamnden-2019.xlsx: a cover sheet first, the table on the
  sheet "Indikatorer" from B6 under three title rows, the header on one row ("Indikator", "2017",
  "2018", "Målvärde 2019", "Målvärde 2020", "Kommentar"), goals repeated on every row, values
  typed as text with non-breaking spaces and "%".

Both boards bind their staff and finance indicators to the municipality's SHARED exports (the
sick-leave report and the ledger, samples/exports), each choosing its own administration's rows
(samples/config/boards/*.bindings.json); the other indicators have no export and stay empty.
The boards and every figure in the tables are invented. Run with Debian's python3-openpyxl:
    /usr/bin/python3 samples/make/make_board_workbooks.py
The .xlsx files it writes are committed.
"""
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

NBSP = "\u00a0"
SAMPLES = Path(__file__).resolve().parent.parent

thin = Side(style="thin", color="999999")
BORDER = Border(top=thin, left=thin, bottom=thin, right=thin)

MEDBORGARE = "Medborgare"
EKONOMI = "Ekonomi"
HALLBAR = "Hållbar ekonomi"
MEDARBETARE = "Medarbetare"
ARBETSGIVARE = "Attraktiv arbetsgivare"

# ---------------------------------------------------------------------------
# Utbildningsnämnden: header over two rows, merged group headers and merged goals.

UTB_SKOLA = "Alla barn och unga ges goda förutsättningar att lyckas i skolan"
UTB_NM1 = "1. Fler elever ska nå kunskapskraven"
UTB_NM2 = "2. Resurserna används där de gör mest nytta för eleverna"
UTB_NM3 = "3. Friska medarbetare"

# (focus area, municipal goal, board goal, indicator or breakdown, 2017, 2018, target 2019, target 2020, comment)
UTB_ROWS = [
    (MEDBORGARE, UTB_SKOLA, UTB_NM1, "Andel elever i åk 9 som är behöriga till yrkesprogram (%)",
     (0.824, "0.0%"), (0.831, "0.0%"), "Minst 85 %", "Minst 86 %", "Källa: Skolverket, mäts per år."),
    (MEDBORGARE, UTB_SKOLA, UTB_NM1, "Genomsnittligt meritvärde i åk 9",
     (221.3, "0.0"), (224.0, "0.0"), "Ska öka", "Ska öka", None),
    (EKONOMI, HALLBAR, UTB_NM2, "Avvikelse från budget, i %",
     (1.2, "0.0"), (-0.4, "0.0"), "≥ 0", "≥ 0", "Positivt tal: överskott."),
    (EKONOMI, HALLBAR, UTB_NM2, "Lokalernas andel av totala kostnaden (%)",
     (18.2, "0.0"), (17.9, "0.0"), "Högst 17 %", "Högst 17 %", None),
    (MEDARBETARE, ARBETSGIVARE, UTB_NM3, "Sjukfrånvaro (%)",
     (6.1, "0.0"), (5.8, "0.0"), "5,5 %", "5,0 %", None),
    (MEDARBETARE, ARBETSGIVARE, UTB_NM3, "Kvinnor", (7.4, "0.0"), (7.2, "0.0"), "Ska minska", "Ska minska", None),
    (MEDARBETARE, ARBETSGIVARE, UTB_NM3, "Män", (4.0, "0.0"), (4.3, "0.0"), "4,0 %", "4,0 %", None),
]


def header_cell(ws, row: int, column: int, value, fill: PatternFill) -> None:
    cell = ws.cell(row=row, column=column, value=value)
    cell.font = Font(bold=True)
    cell.fill = fill
    cell.border = BORDER
    cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")


def merge_down(ws, first_row: int, column: int, values: list) -> None:
    """Merges each run of equal values in one column of the body, writing the value once."""
    start = 0
    while start < len(values):
        end = start
        while end + 1 < len(values) and values[end + 1] == values[start]:
            end += 1
        if values[start] is not None:
            ws.cell(row=first_row + start, column=column, value=values[start])
            if end > start:
                ws.merge_cells(start_row=first_row + start, start_column=column, end_row=first_row + end, end_column=column)
        start = end + 1


def put(cell, value) -> None:
    """A (number, format) pair as a number with its format; text as text."""
    if value is None:
        return
    if isinstance(value, tuple):
        cell.value, cell.number_format = value
    else:
        cell.value = value
        cell.data_type = "s"


def make_education() -> Path:
    header_row, first_body = 4, 6
    fill = PatternFill("solid", fgColor="DDEBF7")
    wb = Workbook()
    ws = wb.active
    ws.title = "Bilaga 1"
    ws["A1"] = "Utbildningsnämnden – verksamhetsplan 2019"
    ws["A1"].font = Font(size=14, bold=True)
    ws["A2"] = "Bilaga 1. Mål, indikatorer och målvärden (exempelfil: alla siffror är påhittade)"
    for column, title in enumerate(["Målområde", "Kommunövergripande mål", "Nämndmål", "Nämndindikator",
                                    "Utfall", None, "Målvärde", None, "Kommentar"], start=1):
        header_cell(ws, header_row, column, title, fill)
    for column, year in zip(range(5, 9), [2017, 2018, "2019", "2020"]):
        header_cell(ws, header_row + 1, column, year, fill)
        if isinstance(year, str):
            ws.cell(row=header_row + 1, column=column).data_type = "s"
    for column in range(1, 10):
        ws.cell(row=header_row + 1, column=column).border = BORDER
    for column in (1, 2, 3, 4, 9):
        ws.merge_cells(start_row=header_row, start_column=column, end_row=header_row + 1, end_column=column)
    ws.merge_cells(start_row=header_row, start_column=5, end_row=header_row, end_column=6)
    ws.merge_cells(start_row=header_row, start_column=7, end_row=header_row, end_column=8)
    for column in (1, 2, 3):
        merge_down(ws, first_body, column, [row[column - 1] for row in UTB_ROWS])
    for index, row in enumerate(UTB_ROWS):
        for offset, value in enumerate(row):
            cell = ws.cell(row=first_body + index, column=1 + offset)
            cell.border = BORDER
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if offset >= 3:
                put(cell, value)
    for letter, width in zip("ABCDEFGHI", (12, 26, 30, 46, 10, 10, 12, 12, 30)):
        ws.column_dimensions[letter].width = width
    ws.row_dimensions[header_row].height = 30
    ws.freeze_panes = ws.cell(row=first_body, column=5)
    wb.properties.creator = "Controller, utbildningsförvaltningen"
    out = SAMPLES / "verksamhetsplan-utbildningsnamnden-2019.xlsx"
    wb.save(out)
    return out


# ---------------------------------------------------------------------------
# Kultur- och fritidsnämnden: cover sheet, table from B6 on "Indikatorer", goals on every row.

KFN_OPEN = "Ett rikt kultur- och fritidsliv för alla"
KFN_NM1 = "1. Fler ska ta del av bibliotekens och fritidsgårdarnas verksamhet"
KFN_NM2 = "2. God hushållning med lokaler och pengar"

KFN_HEADER = ["Målområde", "Kommunövergripande mål", "Nämndmål", "Indikator",
              "2017", "2018", "Målvärde 2019", "Målvärde 2020", "Kommentar"]

KFN_ROWS = [
    (MEDBORGARE, KFN_OPEN, KFN_NM1, "Antal besök på biblioteken",
     f"412{NBSP}300", f"398{NBSP}750", f"Minst 400{NBSP}000", f"Minst 410{NBSP}000", "Räknas i entréerna."),
    (MEDBORGARE, KFN_OPEN, KFN_NM1, "Antal unika besökare på fritidsgårdarna",
     f"2{NBSP}140", f"2{NBSP}315", "Ska öka", "Ska öka", None),
    (EKONOMI, HALLBAR, KFN_NM2, "Avvikelse från budget, i %", "0,6 %", "−1,1 %", "≥ 0", "≥ 0", None),
    (EKONOMI, HALLBAR, KFN_NM2, "Lokalernas andel av totala kostnaden (%)", "34,0 %", "33,5 %", "Högst 32 %", "Högst 31 %",
     "Hyran för det nya biblioteket ingår från 2018."),
    (MEDARBETARE, ARBETSGIVARE, None, "Sjukfrånvaro (%)", "6,9 %", "6,2 %", "Högst 6 %", "Högst 6 %", None),
    (MEDARBETARE, ARBETSGIVARE, None, "Kvinnor", "8,0 %", "8,4 %", "Ska minska", "Ska minska", None),
    (MEDARBETARE, ARBETSGIVARE, None, "Män", "4,9 %", "4,6 %", "Ska minska", "Ska minska", None),
]


def make_culture() -> Path:
    first_row, first_col = 6, 2
    fill = PatternFill("solid", fgColor="E2EFDA")
    wb = Workbook()
    cover = wb.active
    cover.title = "Försättsblad"
    cover["A1"] = "Kultur- och fritidsnämnden"
    cover["A1"].font = Font(size=16, bold=True)
    cover["A3"] = "Verksamhetsplan 2019–2020 med indikatorer. Tabellen finns på bladet Indikatorer."
    cover["A4"] = "Exempelfil: nämnden och alla siffror är påhittade."
    cover.column_dimensions["A"].width = 90
    ws = wb.create_sheet("Indikatorer")
    ws["B2"] = "Kultur- och fritidsnämnden"
    ws["B2"].font = Font(size=14, bold=True)
    ws["B3"] = "Verksamhetsplan 2019–2020: indikatorer och målvärden"
    ws["B4"] = "Uppdaterad 2019-01-31"
    ws["B4"].font = Font(italic=True, size=9)
    for offset, title in enumerate(KFN_HEADER):
        cell = ws.cell(row=first_row, column=first_col + offset, value=title)
        cell.font = Font(bold=True)
        cell.fill = fill
        cell.border = BORDER
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    for index, row in enumerate(KFN_ROWS):
        for offset, value in enumerate(row):
            cell = ws.cell(row=first_row + 1 + index, column=first_col + offset)
            cell.border = BORDER
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            put(cell, value)
    for letter, width in zip("BCDEFGHIJ", (14, 28, 34, 44, 10, 10, 14, 14, 34)):
        ws.column_dimensions[letter].width = width
    ws.column_dimensions["A"].width = 3
    ws.freeze_panes = ws.cell(row=first_row + 1, column=first_col + 4)
    wb.properties.creator = "Controller, kultur- och fritidsförvaltningen"
    out = SAMPLES / "verksamhetsplan-kultur-och-fritidsnamnden-2019.xlsx"
    wb.save(out)
    return out


if __name__ == "__main__":
    for written in (make_education(), make_culture()):
        print(f"Skrev {written}")
