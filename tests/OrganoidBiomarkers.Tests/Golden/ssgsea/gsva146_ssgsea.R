#!/usr/bin/env Rscript
# Golden values for SsgseaVariant.Gsva: GSVA 1.46 gsva(method = "ssgsea") on small_expression.tsv / small_sets.gmt.
# The GMT has a description column: genes are fields 3+. Writes ES with the default normalisation (ssgsea.norm = TRUE,
# ES / range of the whole matrix) and the raw ES (ssgsea.norm = FALSE), rows in GSVA's output order (input order of the
# sets kept with min.sz = 1, max.sz = Inf), 17 significant digits.
# Usage: Rscript gsva146_ssgsea.R   (in this folder)
suppressPackageStartupMessages(library(GSVA))
stopifnot(packageVersion("GSVA") == "1.46.0")
expr <- as.matrix(read.delim("small_expression.tsv", row.names = 1, check.names = FALSE))
lines <- strsplit(readLines("small_sets.gmt"), "\t")
sets <- setNames(lapply(lines, function(f) f[-(1:2)]), vapply(lines, `[`, "", 1))
write_es <- function(es, file) {
  out <- data.frame(set = rownames(es), apply(es, 2, function(x) sprintf("%.17g", x)), check.names = FALSE)
  write.table(out, file, sep = "\t", quote = FALSE, row.names = FALSE)
}
nes <- gsva(expr, sets, method = "ssgsea", verbose = FALSE)
es <- gsva(expr, sets, method = "ssgsea", ssgsea.norm = FALSE, verbose = FALSE)
write_es(nes, "small_gsva146.normalized.es.tsv")
write_es(es, "small_gsva146.raw.es.tsv")
