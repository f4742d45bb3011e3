"""Writes CSV files as spreadsheets save them, with Python's csv module in its Excel dialect as the independent
writer: CRLF line ends, quotes where a field holds a comma or a quote (or everywhere), the UTF-8 byte-order mark of
Excel's "CSV UTF-8", a missing cell left empty. Run from the repository root: /usr/bin/python3 <this file>."""
import csv, os

here = os.path.dirname(os.path.abspath(__file__))
names = ['Ailuropoda melanoleuca', 'Felis catus, domestic', 'The "big" cat', 'Cañón wren']
sim = [[1.0, 0.25, 0.5, 0.125],
       [0.25, 1.0, 0.75, 0.0625],
       [0.5, 0.75, 1.0, 0.375],
       [0.125, 0.0625, 0.375, 1.0]]

def write(name, encoding, quoting, missing=None):
    with open(os.path.join(here, name), 'w', newline='', encoding=encoding) as f:
        w = csv.writer(f, dialect='excel', quoting=quoting)
        w.writerow(['class'] + names)
        for i, n in enumerate(names):
            row = [repr(v) for v in sim[i]]
            if missing and i in missing:
                row[missing[i]] = ''
            w.writerow([n] + row)

write('excel_utf8_bom.csv', 'utf-8-sig', csv.QUOTE_MINIMAL)
write('quote_all_crlf.csv', 'utf-8', csv.QUOTE_ALL)
write('excel_missing_cell.csv', 'utf-8-sig', csv.QUOTE_MINIMAL, missing={0: 3, 3: 0})
