#!/usr/bin/python3
"""Golden orders for NumpyQuicksort: numpy.argsort(values, kind='quicksort') on float64 arrays full of ties.

numpy 1.24.2 here (Debian), built without AVX-512 (numpy.show_config(): AVX512F not found), so argsort(kind='quicksort')
runs the classic npysort introsort, the algorithm numpy 1.1x used when the authors ran gseapy 0.9.

One input is built to reach introsort's heapsort fallback: McIlroy's adversary ("A killer adversary for quicksort",
1999) run against a Python transcription of npysort's aquicksort (used ONLY to craft that input; the expected order is
numpy's own). The script checks the transcription reaches the fallback and agrees with numpy on every input.

Writes numpy_argsort_quicksort.tsv: name, n, values (comma-separated, repr), numpy order (comma-separated).
"""
import numpy as np

SMALL_QUICKSORT = 15


def aquicksort(n, lt):
    """npysort aquicksort_<type> with an explicit less-than on element ids; returns (order, heapsort_used)."""
    tosort = list(range(n))
    used_heap = False
    stack, depth = [], []
    pl, pr = 0, n - 1
    cdepth = (n.bit_length() - 1) * 2
    while True:
        if cdepth < 0:
            # checked only here, after a pop: the partition loop below runs on even when cdepth goes negative
            used_heap = True
            sub = tosort[pl:pr + 1]
            aheapsort(sub, lt)
            tosort[pl:pr + 1] = sub
        else:
            while pr - pl > SMALL_QUICKSORT:
                pm = pl + ((pr - pl) >> 1)
                if lt(tosort[pm], tosort[pl]): tosort[pm], tosort[pl] = tosort[pl], tosort[pm]
                if lt(tosort[pr], tosort[pm]): tosort[pr], tosort[pm] = tosort[pm], tosort[pr]
                if lt(tosort[pm], tosort[pl]): tosort[pm], tosort[pl] = tosort[pl], tosort[pm]
                vp = tosort[pm]
                pi, pj = pl, pr - 1
                tosort[pm], tosort[pj] = tosort[pj], tosort[pm]
                while True:
                    pi += 1
                    while lt(tosort[pi], vp): pi += 1
                    pj -= 1
                    while lt(vp, tosort[pj]): pj -= 1
                    if pi >= pj: break
                    tosort[pi], tosort[pj] = tosort[pj], tosort[pi]
                pk = pr - 1
                tosort[pi], tosort[pk] = tosort[pk], tosort[pi]
                if pi - pl < pr - pi:
                    stack += [pi + 1, pr]
                    pr = pi - 1
                else:
                    stack += [pl, pi - 1]
                    pl = pi + 1
                cdepth -= 1
                depth.append(cdepth)
            for pi in range(pl + 1, pr + 1):
                vi = tosort[pi]
                pj = pi
                while pj > pl and lt(vi, tosort[pj - 1]):
                    tosort[pj] = tosort[pj - 1]
                    pj -= 1
                tosort[pj] = vi
        if not stack: break
        pr = stack.pop(); pl = stack.pop(); cdepth = depth.pop()
    return tosort, used_heap


def aheapsort(a, lt):
    n = len(a)
    A = [None] + a
    l = n >> 1
    while l > 0:
        tmp = A[l]; i = l; j = l << 1
        while j <= n:
            if j < n and lt(A[j], A[j + 1]): j += 1
            if lt(tmp, A[j]): A[i] = A[j]; i = j; j += j
            else: break
        A[i] = tmp; l -= 1
    while n > 1:
        tmp = A[n]; A[n] = A[1]; n -= 1; i = 1; j = 2
        while j <= n:
            if j < n and lt(A[j], A[j + 1]): j += 1
            if lt(tmp, A[j]): A[i] = A[j]; i = j; j += j
            else: break
        A[i] = tmp
    a[:] = A[1:]


def mcilroy_killer(n):
    gas = n - 1
    val = [gas] * n
    state = {'solid': 0, 'candidate': 0}

    def freeze(x):
        val[x] = state['solid']; state['solid'] += 1

    def cmp(x, y):
        if val[x] == gas and val[y] == gas:
            freeze(x if x == state['candidate'] else y)
        if val[x] == gas: state['candidate'] = x
        elif val[y] == gas: state['candidate'] = y
        return val[x] - val[y]

    aquicksort(n, lambda x, y: cmp(x, y) < 0)
    return np.array(val, dtype=float)


def inputs():
    yield 'ties17', np.array([3, 1, 3, 2, 3, 0, 1, 1, 2, 3, 0, 2, 2, 1, 3, 0, 1], dtype=float)
    yield 'five_levels_100', np.array([(i * 7) % 5 for i in range(100)], dtype=float)
    yield 'half_steps_1000', np.array([((i * 37) % 41) * 0.5 for i in range(1000)], dtype=float)
    yield 'all_equal_300', np.full(300, 2.5)
    yield 'sorted_with_runs_500', np.array([i // 4 for i in range(500)], dtype=float)
    yield 'descending_with_runs_500', np.array([(499 - i) // 3 for i in range(500)], dtype=float)
    yield 'mcilroy_killer_600', mcilroy_killer(600)


with open('numpy_argsort_quicksort.tsv', 'w') as f:
    f.write('name\tn\tvalues\tnumpy_order\n')
    for name, v in inputs():
        order = np.argsort(v, kind='quicksort')
        mine, used_heap = aquicksort(len(v), lambda x, y: v[x] < v[y])
        assert list(order) == mine, f'{name}: transcription disagrees with numpy'
        assert used_heap == (name == 'mcilroy_killer_600'), f'{name}: heapsort fallback used={used_heap}'
        f.write(f"{name}\t{len(v)}\t{','.join(repr(float(x)) for x in v)}\t{','.join(str(i) for i in order)}\n")
print('ok')
