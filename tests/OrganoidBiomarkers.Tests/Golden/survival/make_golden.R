# Golden values for lib/Patients (Kaplan-Meier, log-rank, Cox) from R's survival package.
# Run from this folder:  Rscript make_golden.R
# Writes: datasets.tsv, km_steps.tsv, km_at_times.tsv, km_median.tsv, logrank.tsv, coxph.tsv, coxph_multi.tsv,
#         session.txt (R and survival versions).
# Every number is written with 17 significant digits; NA is written as "NA".
suppressPackageStartupMessages(library(survival))

# ---- datasets: small, hand-made, each aimed at one trap ------------------------------------------------------
mk <- function(name, t1, s1, t2, s2) {
  data.frame(dataset = name, time = c(t1, t2), status = c(s1, s2),
             group = c(rep(1L, length(t1)), rep(2L, length(t2))))
}
sets <- list(
  # 5 subjects, worked by hand in KaplanMeierTests.cs
  mk("five", c(2, 3, 8), c(1, 0, 0), c(3, 5), c(1, 1)),
  # tied event times, and censorings tied with events (censored at t counts as at risk at t)
  mk("ties", c(1, 2, 2, 3, 3, 3, 5, 6, 6, 8, 9, 12), c(1, 1, 0, 1, 1, 0, 1, 0, 1, 1, 0, 0),
             c(2, 2, 3, 4, 4, 5, 7, 7, 7, 10, 11, 13, 15), c(1, 1, 0, 1, 1, 0, 1, 1, 0, 1, 0, 1, 0)),
  # group 2 has no events: Cox coefficient is infinite (monotone likelihood)
  mk("noevents_g2", c(1, 3, 4, 4, 6, 7), c(1, 1, 1, 0, 1, 1), c(2, 5, 5, 8, 9), c(0, 0, 0, 0, 0)),
  # everyone still at risk after t = 6 is censored (curve ends flat above 0)
  mk("censored_tail", c(1, 2, 3, 4, 10, 10, 10, 10), c(1, 1, 0, 1, 0, 0, 0, 0),
                      c(1, 1, 2, 5, 6, 6, 10, 10), c(1, 0, 1, 1, 1, 0, 0, 0)),
  # the last observation of each group is an event: the curve reaches 0 (std err Inf / NaN)
  mk("last_event", c(1, 2, 4, 4, 5), c(1, 0, 1, 1, 1), c(3, 3, 6, 7, 8), c(1, 0, 0, 1, 1)),
  # survival exactly 0.5 on an interval: the median is a midpoint
  mk("half", c(1, 2, 3, 4), c(1, 1, 1, 1), c(2, 3, 3, 5, 7, 9), c(1, 0, 1, 1, 0, 1)),
  # events and censorings at time 0
  mk("zero_time", c(0, 0, 1, 2, 3), c(1, 0, 1, 1, 0), c(0, 2, 4, 4, 5), c(0, 1, 1, 0, 1)),
  # survival::aml (Miller 1981): group 1 = Maintained, 2 = Nonmaintained
  with(aml, data.frame(dataset = "aml", time = time, status = status,
                       group = ifelse(x == "Maintained", 1L, 2L)))
)
# a larger seeded dataset with many ties (integer months), for Newton-Raphson on a realistic likelihood
set.seed(20201203)
n1 <- 40; n2 <- 35
tt1 <- ceiling(rexp(n1, 1 / 30)); cc1 <- ceiling(runif(n1, 10, 60))
tt2 <- ceiling(rexp(n2, 1 / 18)); cc2 <- ceiling(runif(n2, 10, 60))
sets[[length(sets) + 1]] <- mk("seeded", pmin(tt1, cc1), as.integer(tt1 <= cc1), pmin(tt2, cc2), as.integer(tt2 <= cc2))
data <- do.call(rbind, sets)
# second covariate for the k-covariate Cox fit: fixed, hand-chosen-looking values derived from the row number
data$x2 <- round(((seq_len(nrow(data)) * 37) %% 23) / 4 - 2.5, 2)

f17 <- function(x) ifelse(is.na(x), "NA", ifelse(is.infinite(x), ifelse(x > 0, "Inf", "-Inf"), sprintf("%.17g", x)))
write_tsv <- function(df, file) {
  for (j in seq_along(df)) if (is.numeric(df[[j]]) && !is.integer(df[[j]])) df[[j]] <- f17(df[[j]])
  write.table(df, file, sep = "\t", quote = FALSE, row.names = FALSE, na = "NA")
}
write_tsv(data[, c("dataset", "group", "time", "status", "x2")], "datasets.tsv")

subsets <- function(d) list(all = d, g1 = d[d$group == 1, ], g2 = d[d$group == 2, ])
conf_types <- c("log", "log-log", "plain")

# ---- Kaplan-Meier: every step of survfit, three CI types, two levels ------------------------------------------
steps <- list(); at <- list(); med <- list()
for (ds in unique(data$dataset)) {
  d <- data[data$dataset == ds, ]
  for (sub in names(subsets(d))) {
    s <- subsets(d)[[sub]]
    for (ct in conf_types) for (lev in c(0.95, 0.90)) {
      fit <- survfit(Surv(time, status) ~ 1, data = s, conf.type = ct, conf.int = lev)
      sm <- summary(fit, censored = TRUE)
      steps[[length(steps) + 1]] <- data.frame(
        dataset = ds, subset = sub, conf_type = ct, conf_level = lev,
        time = fit$time, n_risk = as.integer(fit$n.risk), n_event = as.integer(fit$n.event),
        n_censor = as.integer(fit$n.censor), surv = fit$surv,
        std_err_log = fit$std.err,        # survfit's std.err: se of log S (Greenwood)
        std_err = sm$std.err,             # summary's std.err: se of S
        lower = fit$lower, upper = fit$upper)
      tab <- summary(fit)$table
      med[[length(med) + 1]] <- data.frame(dataset = ds, subset = sub, conf_type = ct, conf_level = lev,
        median = unname(tab["median"]), lower = unname(tab[grep("LCL", names(tab))]),
        upper = unname(tab[grep("UCL", names(tab))]))
      if (ct == "log" && lev == 0.95) {
        ut <- sort(unique(s$time))
        q <- sort(unique(c(-1, 0, ut, (head(ut, -1) + tail(ut, -1)) / 2, max(ut) + 0.5, max(ut) + 100)))
        sq <- summary(fit, times = q, extend = TRUE)
        at[[length(at) + 1]] <- data.frame(dataset = ds, subset = sub, time = q,
          n_risk = as.integer(sq$n.risk), surv = sq$surv, std_err = sq$std.err, lower = sq$lower, upper = sq$upper)
      }
    }
  }
}
write_tsv(do.call(rbind, steps), "km_steps.tsv")
write_tsv(do.call(rbind, at), "km_at_times.tsv")
write_tsv(do.call(rbind, med), "km_median.tsv")

# ---- log-rank (survdiff, rho = 0) -----------------------------------------------------------------------------
lr <- list()
for (ds in unique(data$dataset)) {
  d <- data[data$dataset == ds, ]
  sd <- survdiff(Surv(time, status) ~ group, data = d)
  lr[[length(lr) + 1]] <- data.frame(dataset = ds, n1 = as.integer(sd$n[1]), n2 = as.integer(sd$n[2]),
    obs1 = sd$obs[1], exp1 = sd$exp[1], obs2 = sd$obs[2], exp2 = sd$exp[2], var11 = sd$var[1, 1],
    chisq = sd$chisq, p = pchisq(sd$chisq, 1, lower.tail = FALSE))
}
write_tsv(do.call(rbind, lr), "logrank.tsv")

# ---- Cox: group 2 vs group 1, Efron and Breslow ----------------------------------------------------------------
# Converged tightly (eps 1e-13) so the reference is the maximum itself, not R's default stopping point (eps 1e-9).
ctl <- coxph.control(eps = 1e-13, toler.chol = 1e-15, iter.max = 200)
cox_row <- function(ds, ties, fit) {
  s <- summary(fit)
  data.frame(dataset = ds, ties = ties, coef = unname(coef(fit)), hr = unname(exp(coef(fit))),
    se = unname(sqrt(diag(vcov(fit)))), z = s$coefficients[, "z"], p = s$coefficients[, "Pr(>|z|)"],
    lower = s$conf.int[, "lower .95"], upper = s$conf.int[, "upper .95"],
    loglik0 = fit$loglik[1], loglik = fit$loglik[2],
    lr = unname(s$logtest["test"]), lr_p = unname(s$logtest["pvalue"]),
    wald = unname(fit$wald.test), wald_p = unname(s$waldtest["pvalue"]),
    score = unname(s$sctest["test"]), score_p = unname(s$sctest["pvalue"]),
    infinite = as.integer(!is.null(fit$warn) || any(abs(coef(fit)) > 10)), iter = fit$iter,
    row.names = NULL)
}
cx <- list(); cm <- list()
for (ds in unique(data$dataset)) {
  d <- data[data$dataset == ds, ]
  d$g2 <- as.integer(d$group == 2)
  for (ties in c("efron", "breslow")) {
    fit <- suppressWarnings(coxph(Surv(time, status) ~ g2, data = d, ties = ties, control = ctl))
    cx[[length(cx) + 1]] <- cox_row(ds, ties, fit)
    if (ds %in% c("ties", "aml", "seeded", "censored_tail")) {
      fit2 <- coxph(Surv(time, status) ~ g2 + x2, data = d, ties = ties, control = ctl)
      r <- cox_row(ds, ties, fit2)
      r$term <- names(coef(fit2))
      r$cov12 <- vcov(fit2)[1, 2]
      cm[[length(cm) + 1]] <- r
    }
  }
}
write_tsv(do.call(rbind, cx), "coxph.tsv")
write_tsv(do.call(rbind, cm), "coxph_multi.tsv")

writeLines(c(R.version.string, paste("survival", packageVersion("survival"))), "session.txt")
