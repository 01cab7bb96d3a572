"""Independent reference for the connected fetch's converters (lib/Data/Remote), on the hand-written fixtures in
tests/OrganoidBiomarkers.Tests/Fixtures/remote. Python standard library only; run with /usr/bin/python3 from this folder:

    /usr/bin/python3 convert_fixtures.py

Writes the expected outputs beside this script (*.expected.tsv). Each rule is implemented from its statement in
README "Connected run" (not transcribed from the C#):
  STRING    alias: first source in BioMart_HUGO > Ensembl_HGNC > Ensembl_UniProt_GN > BLAST_UniProt_GN that lists an
            alias for the protein, first such alias in file order; pairs kept with combined_score >= 700, both orders
            merged, pairs with an unmapped protein or mapping to one symbol dropped, highest score per symbol pair;
            gene_a < gene_b, sorted.
  Xena      rows mapped with the probemap; _PAR_Y rows dropped; unmapped rows dropped; per symbol the row with the
            highest mean over samples (ties: smallest ID); values kept; all sample columns kept in file order.
  STAR      per file fpkm_uq_unstranded of gene rows (N_* rows dropped); files of one sample averaged, then
            log2(x + 1); samples in sorted order; symbols from gene_name; then as Xena (_PAR_Y, MaxMean).
  Lee 2018  counts columns mapped to GEO samples by the !Sample_description equal to the column name; organoid
            titles LINE_orgP<n> (LINE with '.' -> '_'); values > 50 anywhere -> log2(x + 1); mean over a line's
            passages; row id split at the first '_' (ENSG, symbol); MaxMean per symbol; lines sorted.
  Table S3  rows with an organoid line in column B and a number in column E; rows without a drug dropped; per
            (line '.'->'_', drug upper-case) mean AUC, mean log IC50 and mean Hill slope over the numeric replicates.
  CoderData fit_auc rows of screens named *_Organoid_P<n> or *_Parental[_k]; line = common_name '.'->'_'; drug =
            first chem_name listed for the id, upper-case; a screen's rows averaged, then the median over screens.
"""
import csv
import math
import os
import re
import statistics

HERE = os.path.dirname(os.path.abspath(__file__))
FIX = os.path.join(HERE, "..", "..", "Fixtures", "remote")


def fx(*parts):
    return os.path.join(FIX, *parts)


def write(name, header, rows):
    with open(os.path.join(HERE, name), "w", newline="") as f:
        f.write("\t".join(header) + "\n")
        for r in rows:
            f.write("\t".join(repr(x) if isinstance(x, float) else str(x) for x in r) + "\n")


def string_edges():
    order = ["BioMart_HUGO", "Ensembl_HGNC", "Ensembl_UniProt_GN", "BLAST_UniProt_GN"]
    candidates = {}
    with open(fx("string", "9606.protein.aliases.v10.5.txt")) as f:
        next(f)
        for line in f:
            protein, alias, sources = line.rstrip("\n").split("\t")
            for level, source in enumerate(order):
                if source in sources.split(" "):
                    candidates.setdefault(protein, []).append((level, alias))
                    break
    symbol = {p: min(c, key=lambda t: t[0])[1] for p, c in candidates.items()}  # min keeps the first of equal levels
    pairs = {}
    with open(fx("string", "9606.protein.links.v10.5.txt")) as f:
        next(f)
        for line in f:
            a, b, s = line.split()
            s = int(s)
            if s >= 700:
                key = tuple(sorted((a, b)))
                pairs[key] = max(pairs.get(key, 0), s)
    edges = {}
    for (a, b), s in pairs.items():
        if a not in symbol or b not in symbol or symbol[a] == symbol[b]:
            continue
        key = tuple(sorted((symbol[a], symbol[b])))
        edges[key] = max(edges.get(key, 0), s)
    write("string_edges.expected.tsv", ["gene_a", "gene_b", "weight"], [(a, b, s) for (a, b), s in sorted(edges.items())])


def collapse(rows):
    """rows: list of (id, symbol, values) in input order -> list of (symbol, values) in first-appearance order."""
    best, first = {}, {}
    for i, (rid, sym, vals) in enumerate(rows):
        if rid.endswith("_PAR_Y") or not sym:
            continue
        mean = sum(vals) / len(vals)
        first.setdefault(sym, i)
        if sym not in best or mean > best[sym][0] or (mean == best[sym][0] and rid < best[sym][1]):
            best[sym] = (mean, rid, vals)
    return [(s, best[s][2]) for s in sorted(best, key=lambda s: first[s])]


def xena(matrix, probemap, out):
    genes = {}
    with open(fx("xena", probemap)) as f:
        for r in list(csv.reader(f, delimiter="\t"))[1:]:
            genes[r[0]] = r[1]
    with open(fx("xena", matrix)) as f:
        table = list(csv.reader(f, delimiter="\t"))
    samples = table[0][1:]
    rows = [(r[0], genes.get(r[0]), [float(x) for x in r[1:]]) for r in table[1:]]
    write(out, ["gene"] + samples, [[s] + v for s, v in collapse(rows)])


def star():
    catalog = list(csv.DictReader(open(fx("gdc", "catalog.tsv")), delimiter="\t"))
    by_sample = {}
    for c in catalog:
        if c["workflow"] == "STAR - Counts":
            by_sample.setdefault(c["sample"], []).append(fx(*c["fixture"].split("/")))
    samples = sorted(by_sample)
    ids, names, columns = None, None, []
    for s in samples:
        per_file = []
        for path in by_sample[s]:
            lines = open(path).read().splitlines()
            header = lines[1].split("\t")
            col = header.index("fpkm_uq_unstranded")
            rows = [l.split("\t") for l in lines[2:] if l and not l.startswith("N_")]
            ids, names = [r[0] for r in rows], [r[1] for r in rows]
            per_file.append([float(r[col]) for r in rows])
        columns.append([math.log2(sum(v) / len(v) + 1) for v in zip(*per_file)])
    rows = [(ids[g], names[g], [columns[j][g] for j in range(len(samples))]) for g in range(len(ids))]
    write("tcga_read_star.expected.tsv", ["gene"] + samples, [[s] + v for s, v in collapse(rows)])


def lee2018_expression():
    with open(fx("geo", "GSE103990_Normalized_counts.txt")) as f:
        table = list(csv.reader(f, delimiter="\t"))
    columns = table[0][1:]
    values = {c: [] for c in columns}
    ids = []
    for r in table[1:]:
        ids.append(r[0])
        for c, x in zip(columns, r[1:]):
            values[c].append(float(x))
    samples, current = [], None
    for line in open(fx("geo", "GSE103990_family.soft")):
        line = line.rstrip("\n")
        if line.startswith("^"):
            current = None
            if line.startswith("^SAMPLE"):
                current = {"desc": []}
                samples.append(current)
        elif current is not None and line.startswith("!Sample_title = "):
            current["title"] = line[len("!Sample_title = "):]
        elif current is not None and line.startswith("!Sample_description = "):
            current["desc"].append(line[len("!Sample_description = "):])
    lines = {}
    for s in samples:
        m = re.match(r"^(S[CM]BO-[0-9.]+)_orgP([0-9]+)$", s["title"])
        cols = [d for d in s["desc"] if d in values]
        if m and cols:
            lines.setdefault(m.group(1).replace(".", "_"), []).append(cols[0])
    linear = max(max(v) for v in values.values()) > 50
    tr = (lambda x: math.log2(x + 1)) if linear else (lambda x: x)
    names = sorted(lines)
    rows = []
    for g, rid in enumerate(ids):
        ens, sym = rid.split("_", 1)
        rows.append((ens, sym, [sum(tr(values[c][g]) for c in lines[n]) / len(lines[n]) for n in names]))
    write("lee2018_lines.expected.tsv", ["gene"] + names, [[s] + v for s, v in collapse(rows)])


def num(x):
    try:
        v = float(x)
        return v if math.isfinite(v) else None
    except ValueError:
        return None


def table_s3():
    rows = list(csv.DictReader(open(fx("lee2018", "table_s3_cells.tsv")), delimiter="\t"))
    groups = {}
    for r in rows:
        if not re.match(r"^S[CM]BO-[0-9]+(?:[._][0-9]+)?$", r["B"].strip()) or num(r["E"]) is None or not r["A"].strip():
            continue
        groups.setdefault((r["B"].strip().replace(".", "_"), r["A"].strip().upper()), []).append(r)
    out = []
    for (line, drug), g in sorted(groups.items()):
        def mean(col):
            v = [num(r[col]) for r in g if num(r[col]) is not None]
            return sum(v) / len(v) if v else "NA"
        out.append((line, drug, mean("E"), len(g), mean("D"), mean("C")))
    write("lee2018_table_s3.expected.tsv", ["sample", "drug", "response", "n_screens", "log_ic50", "hill_slope"], out)


def coderdata():
    samples = {}
    for r in csv.DictReader(open(fx("coderdata", "coderdata_bladderpdo_samples.csv"))):
        samples.setdefault(r["improve_sample_id"], (r["other_id"], r["common_name"].replace(".", "_")))
    drugs = {}
    for r in csv.DictReader(open(fx("coderdata", "coderdata_bladderpdo_drugs.tsv")), delimiter="\t"):
        drugs.setdefault(r["improve_drug_id"], r["chem_name"].upper())
    groups = {}
    for r in csv.DictReader(open(fx("coderdata", "coderdata_bladderpdo_experiments.tsv")), delimiter="\t"):
        if r["dose_response_metric"] != "fit_auc" or r["improve_sample_id"] not in samples or r["improve_drug_id"] not in drugs:
            continue
        screen, line = samples[r["improve_sample_id"]]
        if not re.search(r"_Organoid_P\d+$|_Parental(?:_\d+)?$", screen):
            continue
        groups.setdefault((line, drugs[r["improve_drug_id"]]), []).append((screen, float(r["dose_response_value"])))
    def per_screen(g):  # one value per screen: the mean of its rows
        by = {}
        for s, v in g:
            by.setdefault(s, []).append(v)
        return [statistics.fmean(v) for v in by.values()]
    out = [(line, drug, statistics.median(per_screen(g)), len({s for s, _ in g}), ",".join(sorted({s for s, _ in g})))
           for (line, drug), g in sorted(groups.items())]
    write("lee2018_coderdata.expected.tsv", ["sample", "drug", "response", "n_screens", "screens"], out)


if __name__ == "__main__":
    string_edges()
    xena("TCGA-COAD.htseq_fpkm-uq.tsv", "gencode.v22.annotation.gene.probeMap", "tcga_coad_xena.expected.tsv")
    xena("TCGA-BLCA.star_fpkm-uq.tsv", "gencode.v36.annotation.gtf.gene.probemap", "tcga_blca_xena.expected.tsv")
    star()
    lee2018_expression()
    table_s3()
    coderdata()
