#!/usr/bin/python3
"""Writes small_expression.tsv: 40 genes (G01..G40) x 5 samples, hand-made to be full of ties.
S1: values on a 0.5 grid in [0, 6] (about 3 genes per value); S2: all distinct; S3: RNA-seq-like, 14 zeros then a few
repeated levels; S4: only 4 distinct values (runs of 10); S5: S1 reversed. Row order is part of the input (tie order!)."""
rows = []
for g in range(40):
    s1 = ((g * 7) % 13) * 0.5
    s2 = round(1.0 + g * 0.173 + ((g * 11) % 5) * 0.031, 3)
    s3 = 0.0 if g % 3 == 0 or g < 6 else float((g * 5) % 7)
    s4 = float((g * 3) % 4)
    s5 = (((39 - g) * 7) % 13) * 0.5
    rows.append((f"G{g + 1:02d}", [s1, s2, s3, s4, s5]))
with open('small_expression.tsv', 'w') as f:
    f.write('gene\tS1\tS2\tS3\tS4\tS5\n')
    for name, vals in rows:
        f.write(name + '\t' + '\t'.join(repr(v) for v in vals) + '\n')
