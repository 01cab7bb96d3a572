"""Expected main-row values for the recompute fixture (patients.tsv, hand-written), computed without R's survival.

Run from this folder with Debian's python:  /usr/bin/python3 make_expected.py
Writes validation.tsv (the two main rows and one non-main row, columns as output/results/validation.tsv) and
validation_mismatch.tsv (the same with two numbers changed, which scripts/recompute must reject).

How each number is obtained (independently of scripts/recompute/recompute_main.R, which uses R survival):
- group sizes and events: counted;
- Kaplan-Meier at 60 months: the product-limit formula in exact fractions, last value carried past the last follow-up;
- log-rank: observed minus expected deaths of the responders and the hypergeometric variance summed over the distinct
  death times, in exact fractions; p = erfc(sqrt(chi2 / 2)) (upper tail of chi-square with 1 df);
- Cox hazard ratio of non-responders vs responders: Newton's method on the Efron partial likelihood of one binary
  covariate, written out below; Wald 95% interval exp(beta +/- 1.959963984540054 se).
"""
import csv
import math
from fractions import Fraction

HORIZON_MONTHS = 60


def read_patients(path):
    with open(path, newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def km_at(times_events, horizon):
    """Product-limit estimate at `horizon` (exact), last value carried past the last follow-up."""
    s = Fraction(1)
    for t in sorted({t for t, _ in times_events}):
        if t > horizon:
            break
        deaths = sum(1 for u, e in times_events if u == t and e == 1)
        at_risk = sum(1 for u, _ in times_events if u >= t)
        if deaths:
            s *= Fraction(at_risk - deaths, at_risk)
    return s


def logrank(resp, nonresp):
    """(chi2 as a Fraction, observed and expected deaths of the responders)."""
    o = e = v = Fraction(0)
    death_times = sorted({t for t, ev in resp + nonresp if ev == 1})
    for t in death_times:
        n1 = sum(1 for u, _ in resp if u >= t)
        n2 = sum(1 for u, _ in nonresp if u >= t)
        d1 = sum(1 for u, ev in resp if u == t and ev == 1)
        d = d1 + sum(1 for u, ev in nonresp if u == t and ev == 1)
        n = n1 + n2
        o += d1
        e += Fraction(n1 * d, n)
        if n > 1:
            v += Fraction(n1 * n2 * d * (n - d), n * n * (n - 1))
    return (o - e) ** 2 / v, o, e


def cox_efron(resp, nonresp):
    """beta, se of the non-responder indicator (Efron ties), by Newton's method from beta = 0."""
    data = [(t, ev, 0) for t, ev in resp] + [(t, ev, 1) for t, ev in nonresp]
    beta = 0.0
    for _ in range(100):
        score = info = 0.0
        for t in sorted({t for t, ev, _ in data if ev == 1}):
            risk = [(x) for u, _, x in data if u >= t]
            dead = [(x) for u, ev, x in data if u == t and ev == 1]
            r0 = sum(math.exp(beta * x) for x in risk)
            r1 = sum(x * math.exp(beta * x) for x in risk)
            d0 = sum(math.exp(beta * x) for x in dead)
            d1 = sum(x * math.exp(beta * x) for x in dead)
            m = len(dead)
            score += sum(dead)
            for j in range(m):
                f = j / m
                a0, a1 = r0 - f * d0, r1 - f * d1   # x is 0/1, so the second moment sums equal the first
                score -= a1 / a0
                info += a1 / a0 - (a1 / a0) ** 2
        step = score / info
        beta += step
        if abs(step) < 1e-14:
            break
    return beta, 1 / math.sqrt(info)


def fmt(x):
    """Shortest round-trip text, as the pipeline's TSV cells (C# "R")."""
    return repr(float(x)) if not float(x).is_integer() else str(int(x)) if abs(x) < 1e15 else repr(float(x))


def main():
    patients = read_patients("patients.tsv")
    header = ["drug", "cohort", "expression_source", "survival_source", "mode", "model", "k", "n_treated", "n_responders",
              "n_nonresponders", "events", "logrank_p", "surv5_responders", "surv5_nonresponders", "hr", "hr_low", "hr_high",
              "k_used", "biomarkers", "unscored_skipped", "logrank_chisq", "signed_z", "training_organoids", "selection", "main"]
    rows = []
    for arm in ("5fu", "cisplatin"):
        split = [p for p in patients if p["arm"] == arm and p["setting"] == "main"]
        first = split[0]
        resp = [(float(p["months"]), int(p["event"])) for p in split if p["group"] == "responder"]
        nonresp = [(float(p["months"]), int(p["event"])) for p in split if p["group"] == "nonresponder"]
        chi2, o, e = logrank(resp, nonresp)
        p = math.erfc(math.sqrt(float(chi2) / 2))
        beta, se = cox_efron(resp, nonresp)
        z = 1.959963984540054
        signed = math.copysign(math.sqrt(float(chi2)), float(o - e))
        rows.append([first["drug"], first["cohort"], first["expression_source"], first["survival_source"], "authors",
                     first["model"], first["k"], str(len(split)), str(len(resp)), str(len(nonresp)),
                     str(sum(ev for _, ev in resp + nonresp)), fmt(p), fmt(km_at(resp, HORIZON_MONTHS)),
                     fmt(km_at(nonresp, HORIZON_MONTHS)), fmt(math.exp(beta)), fmt(math.exp(beta - z * se)),
                     fmt(math.exp(beta + z * se)), "1", "1:REACTOME_FIXTURE_PATHWAY", "0", fmt(chi2), fmt(signed),
                     f"crc_organoids_{arm}", first["selection"], "true"])
        print(arm, "chi2 =", chi2, "=", float(chi2), " p =", p, " S60 =", km_at(resp, HORIZON_MONTHS), km_at(nonresp, HORIZON_MONTHS),
              " HR =", math.exp(beta))
    # A non-main row the script must ignore (its numbers are deliberately not those of any split in patients.tsv).
    rows.insert(1, [r if i not in (5, 24) else v for i, (r, v) in enumerate(zip(rows[0], [None] * 5 + ["svr"] + [None] * 18 + ["false"]))])
    rows[1][8] = "99"
    with open("validation.tsv", "w", newline="") as f:
        w = csv.writer(f, delimiter="\t", lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)
    wrong = [list(r) for r in rows]
    wrong[0][9] = str(int(wrong[0][9]) + 1)                 # n_nonresponders of the 5-FU main row: off by one
    wrong[2][12] = fmt(float(wrong[2][12]) + 1e-6)         # surv5_responders of the cisplatin main row: off by 1e-6
    with open("validation_mismatch.tsv", "w", newline="") as f:
        w = csv.writer(f, delimiter="\t", lineterminator="\n")
        w.writerow(header)
        w.writerows(wrong)


if __name__ == "__main__":
    main()
