using Microsoft.ML;
using Microsoft.ML.Data;

namespace OrganoidBiomarkers.Models;

/// <summary>
/// A samples x features matrix as an ML.NET data view: a float vector column "Features" and a float "Label", rows in
/// matrix order, read straight from arrays. It replaces <c>MLContext.Data.LoadFromEnumerable</c>, which emits
/// (Reflection.Emit) getter methods for every view and every cursor: with thousands of small fits in a permutation null
/// that code generation and the finalisation of the emitted methods cost more CPU than the fits themselves (measured with
/// dotnet-trace). The values reach the trainers as the same floats in the same order, so every fit is bit-identical
/// (the tests compare predictions bit for bit).
/// </summary>
internal sealed class MatrixDataView : IDataView
{
    private readonly float[][] _features;
    private readonly float[] _labels;

    public MatrixDataView(double[,] x, double[]? y)
    {
        ArgumentNullException.ThrowIfNull(x);
        int n = x.GetLength(0), p = x.GetLength(1);
        if (y is not null && y.Length != n) throw new ArgumentException($"x has {n} rows but y has {y.Length} values", nameof(y));
        _features = new float[n][];
        _labels = new float[n];
        for (int i = 0; i < n; i++)
        {
            var f = new float[p];
            for (int j = 0; j < p; j++) f[j] = (float)x[i, j];
            _features[i] = f;
            _labels[i] = y is null ? 0f : (float)y[i];
        }
        var builder = new DataViewSchema.Builder();
        builder.AddColumn("Features", new VectorDataViewType(NumberDataViewType.Single, p));
        builder.AddColumn("Label", NumberDataViewType.Single);
        Schema = builder.ToSchema();
    }

    public DataViewSchema Schema { get; }

    /// <summary>Rows come in matrix order only (as from an enumerable): a trainer that wants shuffling must ask for it.</summary>
    public bool CanShuffle => false;

    public long? GetRowCount() => _labels.Length;

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) => new Cursor(this);

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) => [new Cursor(this)];

    private sealed class Cursor(MatrixDataView view) : DataViewRowCursor
    {
        private long _position = -1;
        private bool _done;

        public override DataViewSchema Schema => view.Schema;
        public override long Position => _position;
        public override long Batch => 0;

        public override bool MoveNext()
        {
            if (_done) return false;
            if (++_position < view._labels.Length) return true;
            _done = true;
            _position = -1;
            return false;
        }

        public override bool IsColumnActive(DataViewSchema.Column column) => column.Index is 0 or 1;

        public override ValueGetter<DataViewRowId> GetIdGetter() => (ref DataViewRowId value) => value = new DataViewRowId((ulong)_position, 0);

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            if (column.Index == 0)
            {
                ValueGetter<VBuffer<float>> features = (ref VBuffer<float> value) =>
                {
                    var row = view._features[Row()];
                    var editor = VBufferEditor.Create(ref value, row.Length);
                    row.CopyTo(editor.Values);
                    value = editor.Commit();
                };
                return features as ValueGetter<TValue> ?? throw new InvalidOperationException($"column Features holds VBuffer<float>, not {typeof(TValue).Name}");
            }
            if (column.Index == 1)
            {
                ValueGetter<float> label = (ref float value) => value = view._labels[Row()];
                return label as ValueGetter<TValue> ?? throw new InvalidOperationException($"column Label holds float, not {typeof(TValue).Name}");
            }
            throw new ArgumentOutOfRangeException(nameof(column), column.Index, "the view has columns 0 (Features) and 1 (Label)");
        }

        private long Row() => _position >= 0 ? _position : throw new InvalidOperationException("the cursor is not on a row (call MoveNext first)");
    }
}
