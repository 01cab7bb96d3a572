"""Golden values for the stage 05 baseline selections (lib/Patients/BaselineSelection), from independent
reference implementations (networkx, scipy).

Run with the Debian python (numpy 1.24.2, scipy 1.10.1, networkx 2.8.8):
    /usr/bin/python3 make_golden.py   # writes validation_golden.json beside this script
Inputs are small hand-made or seeded synthetic arrays (no mirror data).
"""
import json
import platform

import networkx as nx
import numpy as np
import scipy
from scipy import stats

out = {"versions": {"python": platform.python_version(), "numpy": np.__version__, "scipy": scipy.__version__,
                    "networkx": nx.__version__}}

# --- first-neighbour pathways on a tiny graph (networkx) -------------------------------------------------------------
# T1 - A - B - C ; T1 - D ; T2 isolated from T1 (T2 - E) ; F - G (no target) ; self-loop T1 - T1 ; duplicate A - T1.
edges = [("T1", "A"), ("A", "B"), ("B", "C"), ("T1", "D"), ("T2", "E"), ("F", "G"), ("T1", "T1"), ("A", "T1")]
sets = {
    "P_TARGET_ONLY": ["T1", "X"],
    "P_NEIGHBOUR_A": ["A", "Y"],
    "P_TWO_STEPS": ["B", "C"],
    "P_NEIGHBOUR_E": ["E"],
    "P_UNRELATED": ["F", "G", "Z"],
    "P_NOT_CANDIDATE": ["D"],
    "P_ONLY_T2": ["T2"],
}
candidates = [s for s in sets if s != "P_NOT_CANDIDATE"]
targets = ["T1", "T2", "MISSING"]
G = nx.Graph()
G.add_edges_from(edges)
G.remove_edges_from(nx.selfloop_edges(G))
in_net = sorted(t for t in targets if t in G)
neigh = set()
for t in in_net:
    neigh.update(G.neighbors(t))
cases = []
for rule, genes in (("TargetsAndNeighbours", neigh | set(in_net)), ("NeighboursOnly", neigh)):
    selected = sorted(s for s in candidates if set(sets[s]) & genes)
    cases.append({"case": rule, "genes": sorted(genes), "pathways": selected})
out["first_neighbours"] = {"edges": edges, "sets": sets, "candidates": candidates, "targets": targets,
                           "targets_in_network": in_net, "cases": cases}

# --- correlation with the response (scipy.stats.pearsonr), top n by |r| ----------------------------------------------
rng = np.random.default_rng(20201030)
n_org, n_path = 9, 12
y = rng.normal(2.0, 1.0, n_org)
nes = rng.normal(0, 0.2, (n_path, n_org))
nes[3] = 0.3 * y + rng.normal(0, 0.05, n_org)   # strongly positive
nes[7] = -0.2 * y + rng.normal(0, 0.05, n_org)  # strongly negative
nes[10] = 0.1                                   # constant: r undefined, left out
names = [f"PW_{i:02d}" for i in range(n_path)]
organoids = [f"O{i}" for i in range(n_org)]
corr = []
for i in range(n_path):
    if np.all(nes[i] == nes[i][0]):
        continue
    corr.append((names[i], stats.pearsonr(nes[i], y)[0]))
corr.sort(key=lambda t: (-abs(t[1]), t[0]))
out["correlation"] = {"pathways": names, "organoids": organoids, "nes": nes.tolist(), "y": y.tolist(),
                      "ranked": [{"pathway": p, "r": r} for p, r in corr]}

with open("validation_golden.json", "w") as f:
    json.dump(out, f, indent=1)
print("wrote validation_golden.json")
