namespace OrganoidBiomarkers.Models;

/// <summary>
/// numpy's <c>argsort(kind='quicksort')</c> for float64, ported comparison for comparison from numpy's
/// npysort/quicksort (aquicksort_double: median-of-3 introsort, insertion sort below 16 elements, heapsort once the depth
/// limit 2*floor(log2 n) is spent). The sort is not stable, and gseapy 0.9's ssGSEA inherits the order it leaves tied
/// values in (pandas &lt; 1.0 sorted descending as <c>argsort(kind='quicksort')[::-1]</c>); tied hits and misses change
/// the running-sum sum, so reproducing the authors' scores to the digit needs this exact order.
/// </summary>
internal static class NumpyQuicksort
{
    private const int SmallQuicksort = 15;
    private const int StackSize = 128;

    /// <summary>Indices that sort <paramref name="values"/> ascending, in numpy's quicksort order. Values must not be NaN.</summary>
    public static int[] Argsort(ReadOnlySpan<double> values)
    {
        var order = new int[values.Length];
        for (int i = 0; i < order.Length; i++) order[i] = i;
        ArgsortInplace(values, order);
        return order;
    }

    /// <summary>Sorts the index array <paramref name="tosort"/> (initially 0..n-1 in numpy) by the values it points at.</summary>
    public static void ArgsortInplace(ReadOnlySpan<double> v, Span<int> tosort)
    {
        int num = tosort.Length;
        if (num < 2) return;
        int pl = 0, pr = num - 1;
        Span<int> stack = stackalloc int[StackSize];
        Span<int> depth = stackalloc int[StackSize];
        int sptr = 0, psdepth = 0;
        int cdepth = MostSignificantBit(num) * 2;

        for (;;)
        {
            if (cdepth < 0)
            {
                HeapsortInplace(v, tosort.Slice(pl, pr - pl + 1));
                goto stack_pop;
            }
            while (pr - pl > SmallQuicksort)
            {
                int pm = pl + ((pr - pl) >> 1);
                if (v[tosort[pm]] < v[tosort[pl]]) Swap(tosort, pm, pl);
                if (v[tosort[pr]] < v[tosort[pm]]) Swap(tosort, pr, pm);
                if (v[tosort[pm]] < v[tosort[pl]]) Swap(tosort, pm, pl);
                double vp = v[tosort[pm]];
                int pi = pl, pj = pr - 1;
                Swap(tosort, pm, pj);
                for (;;)
                {
                    do ++pi; while (v[tosort[pi]] < vp);
                    do --pj; while (vp < v[tosort[pj]]);
                    if (pi >= pj) break;
                    Swap(tosort, pi, pj);
                }
                Swap(tosort, pi, pr - 1);
                // numpy pushes the larger partition and continues with the smaller one
                if (pi - pl < pr - pi)
                {
                    stack[sptr++] = pi + 1;
                    stack[sptr++] = pr;
                    pr = pi - 1;
                }
                else
                {
                    stack[sptr++] = pl;
                    stack[sptr++] = pi - 1;
                    pl = pi + 1;
                }
                depth[psdepth++] = --cdepth;
            }

            for (int pi = pl + 1; pi <= pr; ++pi)
            {
                int vi = tosort[pi];
                double vpi = v[vi];
                int pj = pi, pk = pi - 1;
                while (pj > pl && vpi < v[tosort[pk]]) tosort[pj--] = tosort[pk--];
                tosort[pj] = vi;
            }
        stack_pop:
            if (sptr == 0) break;
            pr = stack[--sptr];
            pl = stack[--sptr];
            cdepth = depth[--psdepth];
        }
    }

    /// <summary>numpy's aheapsort_double (1-based heap indexing over the slice).</summary>
    internal static void HeapsortInplace(ReadOnlySpan<double> v, Span<int> tosort)
    {
        int n = tosort.Length;
        // a[k] in numpy is tosort[k - 1]
        int i, j, l, tmp;
        for (l = n >> 1; l > 0; --l)
        {
            tmp = tosort[l - 1];
            for (i = l, j = l << 1; j <= n;)
            {
                if (j < n && v[tosort[j - 1]] < v[tosort[j]]) j += 1;
                if (v[tmp] < v[tosort[j - 1]]) { tosort[i - 1] = tosort[j - 1]; i = j; j += j; }
                else break;
            }
            tosort[i - 1] = tmp;
        }
        for (; n > 1;)
        {
            tmp = tosort[n - 1];
            tosort[n - 1] = tosort[0];
            n -= 1;
            for (i = 1, j = 2; j <= n;)
            {
                if (j < n && v[tosort[j - 1]] < v[tosort[j]]) j++;
                if (v[tmp] < v[tosort[j - 1]]) { tosort[i - 1] = tosort[j - 1]; i = j; j += j; }
                else break;
            }
            tosort[i - 1] = tmp;
        }
    }

    private static int MostSignificantBit(int n)
    {
        int depth = 0;
        while ((n >>= 1) != 0) depth++;
        return depth;
    }

    private static void Swap(Span<int> a, int i, int j) => (a[i], a[j]) = (a[j], a[i]);
}
