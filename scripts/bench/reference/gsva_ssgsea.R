#!/usr/bin/env Rscript
# Reference side of SsgseaBench: GSVA 1.46 gsva(method = "ssgsea") on the matrix the bench wrote.
# Usage: Rscript gsva_ssgsea.R MATRIX.bin GENES.txt N_SAMPLES SETS.gmt OUT_PREFIX WORKERS
#   MATRIX.bin: little-endian float64, genes x samples, column-major (gene fastest); GENES.txt: one gene per line.
#   SETS.gmt: name<TAB>gene<TAB>gene... (no description column).
# Writes OUT_PREFIX.seconds (elapsed seconds of the gsva() call alone), OUT_PREFIX.sets (row names, one per line) and
# OUT_PREFIX.bin (normalised ES, float64, sets x samples, column-major).
suppressPackageStartupMessages({ library(GSVA); library(BiocParallel) })
a <- commandArgs(trailingOnly = TRUE)
genes <- readLines(a[2])
n <- as.integer(a[3])
expr <- matrix(readBin(a[1], "double", n = length(genes) * n, size = 8, endian = "little"), nrow = length(genes))
rownames(expr) <- genes
colnames(expr) <- sprintf("S%03d", seq_len(n))
lines <- strsplit(readLines(a[4]), "\t")
sets <- setNames(lapply(lines, function(f) f[-1]), vapply(lines, `[`, "", 1))
workers <- as.integer(a[6])
bp <- if (workers > 1) MulticoreParam(workers = workers, progressbar = FALSE) else SerialParam()
t <- system.time(es <- gsva(expr, sets, method = "ssgsea", BPPARAM = bp, verbose = FALSE))[["elapsed"]]
writeLines(format(t, digits = 6), paste0(a[5], ".seconds"))
writeLines(rownames(es), paste0(a[5], ".sets"))
writeBin(as.vector(es), paste0(a[5], ".bin"), size = 8, endian = "little")
