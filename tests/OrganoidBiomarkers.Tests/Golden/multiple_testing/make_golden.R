# Golden values for lib/Common/MultipleTesting.BenjaminiHochberg from R's p.adjust(method = "BH") (base R, stats).
# Run from this folder:  Rscript make_golden.R
# Writes: bh.tsv (case, index, p, q; one row per p-value of each case, NA for R's NA) and session.txt.
# Numbers with 17 significant digits, so a test can compare bit for bit.
f17 <- function(x) ifelse(is.na(x), "NA", sprintf("%.17g", x))
set.seed(20261201)
cases <- list(
  single = c(0.03),
  hand = c(0.01, 0.04, 0.03, 0.005),                       # worked in the test by hand
  ties = c(0.02, 0.02, 0.02, 0.5, 0.5, 0.001),
  with_na = c(0.2, NA, 0.01, 0.04, NA, 0.03),               # NA excluded from m (R's default n after NA removal)
  bounds = c(0, 1, 1, 0, 0.5),
  above_one = c(0.9, 0.95, 0.8, 0.85),                      # q capped at 1 never triggers; cummin does
  atlas_like = c(0.48, 0.12, 0.031, 0.77, 0.0049, 0.2),
  uniform_50 = runif(50),
  mixed_200 = c(rbeta(40, 0.3, 8), runif(160))
)
rows <- list()
for (name in names(cases)) {
  p <- cases[[name]]
  q <- p.adjust(p, method = "BH")
  rows[[length(rows) + 1]] <- data.frame(case = name, index = seq_along(p) - 1L, p = f17(p), q = f17(q))
}
write.table(do.call(rbind, rows), "bh.tsv", sep = "\t", quote = FALSE, row.names = FALSE)
writeLines(R.version.string, "session.txt")
