// Loaded by every notebook's first cell (#load "_setup.csx"): references the project's library (built by
// scripts/run-pipeline into lib/bin/Release/net10.0) and tells the notebook how to show its figures and tables.
#r "../lib/bin/Release/net10.0/OrganoidBiomarkers.dll"
#r "../lib/bin/Release/net10.0/ScottPlot.dll"
// Packages a notebook cell uses by name: data frames (Explore) and Plotly.NET charts (InteractiveCharts).
#r "../lib/bin/Release/net10.0/Microsoft.Data.Analysis.dll"
#r "../lib/bin/Release/net10.0/Microsoft.ML.DataView.dll"
#r "../lib/bin/Release/net10.0/Plotly.NET.dll"

using Microsoft.DotNet.Interactive.Formatting;

Formatter.Register<OrganoidBiomarkers.Reporting.Figure>((figure, writer) => writer.Write(figure.Base64), "image/png");
Formatter.SetPreferredMimeTypesFor(typeof(OrganoidBiomarkers.Reporting.Figure), "image/png");
Formatter.Register<OrganoidBiomarkers.Common.TsvTable>((table, writer) => writer.Write(OrganoidBiomarkers.Reporting.HtmlTable.Render(table)), "text/html");
Formatter.SetPreferredMimeTypesFor(typeof(OrganoidBiomarkers.Common.TsvTable), "text/html");
// Data frames: one HTML view (row cap, doubles to 4 significant digits, nulls as a dash) instead of an object dump.
Formatter.Register<Microsoft.Data.Analysis.DataFrame>((frame, writer) => writer.Write(OrganoidBiomarkers.Reporting.DataFrameHtml.Render(frame)), "text/html");
Formatter.SetPreferredMimeTypesFor(typeof(Microsoft.Data.Analysis.DataFrame), "text/html");
// Interactive charts: plotly.js (from the Plotly.NET package, never a CDN) rides along with the first chart shown.
Formatter.Register<OrganoidBiomarkers.Reporting.InteractiveChart>((chart, writer) => writer.Write(chart.ToNotebookHtml()), "text/html");
Formatter.SetPreferredMimeTypesFor(typeof(OrganoidBiomarkers.Reporting.InteractiveChart), "text/html");
