#!/usr/bin/env Rscript
# Recomputes each arm's main patient split from output/results/patients.tsv alone, with R's survival package, and
# compares it with the pipeline's own numbers in output/results/validation.tsv (rows with main = true).
#
# Usage (from the repository root):
#   Rscript scripts/recompute/recompute_main.R [PATIENTS_TSV] [VALIDATION_TSV]
#   defaults: output/results/patients.tsv output/results/validation.tsv
# Needs R with the survival package (Debian: apt-get install r-base-core r-cran-survival).
#
# For every main row of validation.tsv it takes the patients.tsv rows of the same split (setting "main" and the same
# drug, cohort, expression_source, survival_source, selection, model, k) and recomputes
#   - the split itself: responder = score <= median of the split's scores (checked against the group column), and
#     months = days / (365 / 12);
#   - group sizes and events (compared exactly);
#   - log-rank p (survdiff, chi-square with 1 df; compared to 1e-9 relative);
#   - 5-year survival per group (Kaplan-Meier at 60 months, survfit; the last value is carried past the last
#     follow-up, as lifelines and the pipeline do; compared to 1e-9 absolute);
#   - the Cox hazard ratio of non-responders vs responders (coxph, Efron ties; compared to 1e-6 relative because
#     both sides stop an iterative fit; infinite when the responders have no death, 0 when the non-responders have none).
# Exit status: 0 every main row agrees; 1 some number disagrees (each listed); 2 the input cannot be read.

suppressPackageStartupMessages(library(survival))
options(width = 200)

args <- commandArgs(trailingOnly = TRUE)
patients_path <- if (length(args) >= 1) args[1] else "output/results/patients.tsv"
validation_path <- if (length(args) >= 2) args[2] else "output/results/validation.tsv"

fail_input <- function(path, problem, fix) {
  message(sprintf("recompute: %s: %s. Fix: %s", path, problem, fix))
  quit(status = 2)
}

read_tsv <- function(path, required) {
  if (!file.exists(path)) fail_input(path, "file not found", "run scripts/run-pipeline first, or pass the path")
  t <- tryCatch(read.delim(path, colClasses = "character", quote = "", na.strings = character(0), check.names = FALSE),
                error = function(e) fail_input(path, conditionMessage(e), "pass a tab-separated table with a header"))
  missing <- setdiff(required, names(t))
  if (length(missing) > 0) fail_input(path, paste("missing column(s)", paste(missing, collapse = ", ")), "use the schema of docs in scripts/recompute/README.md")
  t
}

number <- function(x, path, column) {
  v <- suppressWarnings(as.numeric(x))
  bad <- is.na(v) & !(x %in% c("NaN", "NA"))
  if (any(bad)) fail_input(path, sprintf("column %s has non-numbers (first: '%s')", column, x[bad][1]), "write numbers in invariant notation")
  v
}

key_columns <- c("drug", "cohort", "expression_source", "survival_source", "selection", "model", "k")
patients <- read_tsv(patients_path, c("arm", key_columns, "setting", "patient", "score", "group", "days", "months", "event"))
validation <- read_tsv(validation_path, c(key_columns, "main", "n_responders", "n_nonresponders", "events", "logrank_p",
                                          "surv5_responders", "surv5_nonresponders", "hr"))

main_rows <- validation[validation$main == "true", , drop = FALSE]
if (nrow(main_rows) == 0) fail_input(validation_path, "no row with main = true", "run the pipeline's stage 05")

horizon <- 60
months_per_day <- 12 / 365
disagreements <- 0

# Survival at `horizon` from a survfit of one group: the last step at or before it (1 before the first death).
km_at <- function(fit, t) {
  steps <- fit$time <= t
  if (!any(steps)) 1 else fit$surv[max(which(steps))]
}

same_relative <- function(a, b, tol) (is.nan(a) && is.nan(b)) || (is.infinite(a) && is.infinite(b) && sign(a) == sign(b)) ||
  (is.finite(a) && is.finite(b) && abs(a - b) <= tol * max(abs(a), abs(b)))
same_absolute <- function(a, b, tol) (is.nan(a) && is.nan(b)) || (is.finite(a) && is.finite(b) && abs(a - b) <= tol)

for (i in seq_len(nrow(main_rows))) {
  row <- main_rows[i, ]
  label <- paste(sprintf("%s=%s", key_columns, unlist(row[key_columns])), collapse = ", ")
  in_split <- patients$setting == "main"
  for (column in key_columns) in_split <- in_split & patients[[column]] == row[[column]]
  split <- patients[in_split, , drop = FALSE]
  if (nrow(split) == 0) fail_input(patients_path, sprintf("no setting = main patients for the main row (%s)", label),
                                   "patients.tsv and validation.tsv must come from the same run")
  if (anyDuplicated(split$patient)) fail_input(patients_path, sprintf("patient %s appears twice in the split (%s)",
                                               split$patient[anyDuplicated(split$patient)], label), "one row per patient per split")
  if (!all(split$group %in% c("responder", "nonresponder"))) fail_input(patients_path, "group must be responder or nonresponder", "fix the group column")
  if (!all(split$event %in% c("0", "1"))) fail_input(patients_path, "event must be 0 or 1", "fix the event column")

  score <- number(split$score, patients_path, "score")
  days <- number(split$days, patients_path, "days")
  months <- number(split$months, patients_path, "months")
  event <- as.integer(split$event)
  nonresponder <- as.integer(split$group == "nonresponder")

  checks <- list()
  check <- function(quantity, ours, theirs, ok) {
    checks[[length(checks) + 1]] <<- data.frame(quantity = quantity, recomputed = format(ours, digits = 17),
                                               validation = format(theirs, digits = 17), status = if (ok) "ok" else "DIFFERS")
  }
  # The split itself, from the scores: responder = score <= median.
  regrouped <- as.integer(!(score <= median(score)))
  check("patients whose group disagrees with score <= median", sum(regrouped != nonresponder), 0, all(regrouped == nonresponder))
  month_errors <- sum(abs(months - days * months_per_day) > 1e-12 * pmax(1, abs(months)))
  check("patients whose months != days / (365/12)", month_errors, 0, month_errors == 0)

  n_r <- sum(nonresponder == 0); n_n <- sum(nonresponder == 1)
  e_r <- sum(event[nonresponder == 0]); e_n <- sum(event[nonresponder == 1])
  check("n_responders", n_r, as.integer(row$n_responders), n_r == as.integer(row$n_responders))
  check("n_nonresponders", n_n, as.integer(row$n_nonresponders), n_n == as.integer(row$n_nonresponders))
  check("events", e_r + e_n, as.integer(row$events), e_r + e_n == as.integer(row$events))

  p <- NaN
  if (e_r + e_n > 0) {
    test <- survdiff(Surv(months, event) ~ nonresponder)
    p <- pchisq(test$chisq, df = 1, lower.tail = FALSE)
  }
  expected_p <- number(row$logrank_p, validation_path, "logrank_p")
  check("logrank_p", p, expected_p, same_relative(p, expected_p, 1e-9))

  fit_r <- survfit(Surv(months[nonresponder == 0], event[nonresponder == 0]) ~ 1)
  fit_n <- survfit(Surv(months[nonresponder == 1], event[nonresponder == 1]) ~ 1)
  s_r <- km_at(fit_r, horizon); s_n <- km_at(fit_n, horizon)
  expected_sr <- number(row$surv5_responders, validation_path, "surv5_responders")
  expected_sn <- number(row$surv5_nonresponders, validation_path, "surv5_nonresponders")
  check("surv5_responders", s_r, expected_sr, same_absolute(s_r, expected_sr, 1e-9))
  check("surv5_nonresponders", s_n, expected_sn, same_absolute(s_n, expected_sn, 1e-9))

  hr <- if (e_r + e_n == 0) NaN else if (e_r == 0) Inf else if (e_n == 0) 0 else {
    cox <- coxph(Surv(months, event) ~ nonresponder, ties = "efron", control = coxph.control(eps = 1e-11, iter.max = 100))
    exp(unname(coef(cox)))
  }
  expected_hr <- number(row$hr, validation_path, "hr")
  check("hr (non-responders vs responders)", hr, expected_hr, same_relative(hr, expected_hr, 1e-6) || (hr == 0 && expected_hr == 0))

  result <- do.call(rbind, checks)
  bad <- sum(result$status != "ok")
  disagreements <- disagreements + bad
  cat(sprintf("recompute: main row %s (%d patients): %s\n", label, nrow(split),
              if (bad == 0) "every number agrees" else sprintf("%d number(s) DIFFER", bad)))
  print(result, row.names = FALSE, right = FALSE)
  cat("\n")
}

cat(sprintf("recompute: %d main row(s) from %s checked against %s with R %s, survival %s: %s\n", nrow(main_rows),
            patients_path, validation_path, paste(R.version$major, R.version$minor, sep = "."), packageVersion("survival"),
            if (disagreements == 0) "all agree" else sprintf("%d disagreement(s)", disagreements)))
quit(status = if (disagreements == 0) 0 else 1)
