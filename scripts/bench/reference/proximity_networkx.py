"""Reference for the proximity benchmark: the toolbox's closest-distance proximity on networkx (Guney et al. 2016).

toolbox_proximity.py beside this file (in the build output; the source is
tests/OrganoidBiomarkers.Tests/Golden/network/toolbox_proximity.py, which also made the goldens) is the line-by-line
Python 3 transcription of the toolbox (github emreg00/toolbox: wrappers.calculate_proximity,
network_utilities.get_degree_binning, ...). This script only loads the inputs and calls it,
per drug and pathway, as the toolbox is used:
  network   nx.Graph of the edges, self-loops removed, largest connected component (wrappers.get_network, only_lcc)
  bins      get_degree_binning(network, 100), computed once per network and passed in (the toolbox recomputes them in
            every calculate_proximity call when not given: passing them makes this reference faster, not slower)
  lengths   the toolbox's `lengths` table (lengths[node_from][node_to]); here only the rows that can be read (the
            targets and every node of their degree bins, the possible random 'from' nodes), each a networkx
            single_source_shortest_path_length: the all-pairs table the toolbox builds would cost more time and
            several GB of dicts
  proximity calculate_proximity(network, targets, pathway_genes, bins=bins, n_random, lengths=lengths) with the
            toolbox's default seed 452456

Usage: proximity_networkx.py --label L (--tsv EDGES.tsv | --sif NET.sif [--id-map ID_SYMBOL.tsv]) --gmt SETS.gmt
         --drug NAME=T1,T2 [--drug ...] [--n-random 1000] [--every K] --out RESULTS.tsv --timing TIMING.json
--every K computes only the pathways whose 0-based index is a multiple of K (the timing says how many).
"""
import argparse
import json
import time

import networkx as nx

from toolbox_proximity import calculate_proximity, get_degree_binning, largest_component


def read_edges(args):
    edges = []
    if args.tsv:
        with open(args.tsv) as f:
            header = f.readline().rstrip("\n").split("\t")
            ia, ib = header.index("gene_a"), header.index("gene_b")
            for line in f:
                fields = line.rstrip("\n").split("\t")
                if len(fields) > 1:
                    edges.append((fields[ia], fields[ib]))
    else:
        with open(args.sif) as f:
            for line in f:
                words = line.split()
                if len(words) == 3:
                    edges.append((words[0], words[2]))
        if args.id_map:
            mapping = {}
            with open(args.id_map) as f:
                for line in f:
                    i, s = line.rstrip("\n").split("\t")
                    mapping[i] = s
            edges = [(mapping[a], mapping[b]) for a, b in edges if a in mapping and b in mapping]
    return edges


def read_gmt(path):
    sets = []
    with open(path) as f:
        for line in f:
            fields = [x for x in line.rstrip("\n").split("\t") if x]
            if fields:
                sets.append((fields[0], fields[1:]))  # NAME<TAB>gene...: no description column
    return sets


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--label", required=True)
    p.add_argument("--tsv")
    p.add_argument("--sif")
    p.add_argument("--id-map")
    p.add_argument("--gmt", required=True)
    p.add_argument("--drug", action="append", required=True)
    p.add_argument("--n-random", type=int, default=1000)
    p.add_argument("--every", type=int, default=1)
    p.add_argument("--out", required=True)
    p.add_argument("--timing", required=True)
    args = p.parse_args()

    t0 = time.perf_counter()
    g = nx.Graph()
    g.add_edges_from(read_edges(args))
    g.remove_edges_from(list(nx.selfloop_edges(g)))
    network = largest_component(g)
    bins = get_degree_binning(network, 100)
    pathways = read_gmt(args.gmt)
    timing = {"label": args.label, "nodes": network.number_of_nodes(), "edges": network.number_of_edges(),
              "load_s": time.perf_counter() - t0, "lengths_s": 0.0, "proximity_s": 0.0,
              "pathways_total": len(pathways), "pathways_done": 0, "every": args.every, "n_random": args.n_random}
    nodes = set(network.nodes())
    with open(args.out, "w") as out:
        out.write("network\tdrug\tpathway\ttargets_in_network\tgenes_in_network\td\tmean\tsd\tz\tm4\n")
        for spec in args.drug:
            drug, targets = spec.split("=", 1)
            targets = [t for t in targets.split(",") if t]
            t1 = time.perf_counter()
            sources = set(targets) & nodes
            for t in list(sources):
                d = network.degree(t)
                for low, high, members in bins:
                    if low <= d <= high:
                        sources.update(members)
            lengths = {s: nx.single_source_shortest_path_length(network, s) for s in sources}
            timing["lengths_s"] += time.perf_counter() - t1
            t2 = time.perf_counter()
            done = 0
            for k, (name, genes) in enumerate(pathways):
                if k % args.every:
                    continue
                done += 1
                r = calculate_proximity(network, targets, genes, bins=bins, n_random=args.n_random, lengths=lengths)
                nt, ng = len(set(targets) & nodes), len(set(genes) & nodes)
                if r is None:
                    out.write(f"{args.label}\t{drug}\t{name}\t{nt}\t{ng}\tNA\tNA\tNA\tNA\tNA\n")
                else:
                    d, z, (m, s), values = r
                    m4 = float(((values - m) ** 4).mean())  # for the sd tolerance; not part of the toolbox
                    out.write(f"{args.label}\t{drug}\t{name}\t{nt}\t{ng}\t{d!r}\t{m!r}\t{s!r}\t{z!r}\t{m4!r}\n")
            timing["proximity_s"] += time.perf_counter() - t2
            timing["pathways_done"] += done
    with open(args.timing, "w") as f:
        json.dump(timing, f, indent=1)


if __name__ == "__main__":
    main()
