# Golden values for CoxPh.FitGroups when the hazard ratio is not estimable: every death happens while only one group is
# at risk (the other group's last subject left before the first death), so the partial likelihood does not depend on
# the coefficient. Plus one boundary dataset where the other group's last subject is censored AT the first death time
# (censored at t counts as at risk at t): estimable (a monotone likelihood, infinite coefficient).
# Run from this folder:  Rscript make_golden_not_estimable.R
# Writes: coxph_not_estimable.tsv (one row per dataset x ties; the data are in the "times" and "status" columns as
# comma-separated group 1 | group 2 lists). Numbers with 17 significant digits; NA as "NA".
suppressPackageStartupMessages(library(survival))

sets <- list(
  # group 2 leaves (censored at 0.5, 0.8) before group 1's deaths at 1 and 2
  list(name = "before_first_death", t1 = c(1, 2, 3), s1 = c(1, 1, 0), t2 = c(0.5, 0.8), s2 = c(0, 0)),
  # group 1 is censored at 1, 1.5, 2; group 2 dies at 4 and (tied) 5, 5 afterwards
  list(name = "late_tied_deaths", t1 = c(1, 1.5, 2), s1 = c(0, 0, 0), t2 = c(4, 5, 5, 6), s2 = c(1, 1, 1, 0)),
  # group 1's last subject is censored exactly at the first death time: at risk then, so the coefficient is estimable
  list(name = "censored_at_first_death", t1 = c(1, 2), s1 = c(0, 0), t2 = c(2, 3, 4), s2 = c(1, 1, 0))
)
f17 <- function(x) ifelse(is.na(x), "NA", ifelse(is.infinite(x), ifelse(x > 0, "Inf", "-Inf"), sprintf("%.17g", x)))
rows <- list()
for (s in sets) {
  d <- data.frame(time = c(s$t1, s$t2), status = c(s$s1, s$s2), g2 = c(rep(0L, length(s$t1)), rep(1L, length(s$t2))))
  for (ties in c("efron", "breslow")) {
    fit <- suppressWarnings(coxph(Surv(time, status) ~ g2, data = d, ties = ties))
    sm <- summary(fit)
    rows[[length(rows) + 1]] <- data.frame(dataset = s$name, ties = ties,
      times = paste(paste(s$t1, collapse = ","), paste(s$t2, collapse = ","), sep = "|"),
      status = paste(paste(s$s1, collapse = ","), paste(s$s2, collapse = ","), sep = "|"),
      coef = f17(unname(coef(fit))), loglik0 = f17(fit$loglik[1]), loglik = f17(fit$loglik[2]),
      lr = f17(unname(sm$logtest["test"])), lr_df = as.integer(sm$logtest["df"]),
      score = f17(unname(sm$sctest["test"])), score_df = as.integer(sm$sctest["df"]))
  }
}
write.table(do.call(rbind, rows), "coxph_not_estimable.tsv", sep = "\t", quote = FALSE, row.names = FALSE)
