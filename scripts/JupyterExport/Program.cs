using OrganoidBiomarkers.JupyterExport;

// JupyterExport OUT_DIR FILE.dib...   writes OUT_DIR/NAME.ipynb for each .dib (unexecuted, kernelspec .net-csharp).
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: JupyterExport OUT_DIR FILE.dib [FILE.dib ...]");
    return 2;
}
foreach (var path in args.Skip(1))
{
    var file = new FileInfo(path);
    if (!file.Exists) { Console.Error.WriteLine($"jupyter-export: {file.FullName} does not exist"); return 2; }
    await NotebookExport.ExportAsync(file, args[0]);
    Console.WriteLine($"jupyter-export: {Path.Combine(args[0], Path.GetFileNameWithoutExtension(file.Name) + ".ipynb")}");
}
return 0;
