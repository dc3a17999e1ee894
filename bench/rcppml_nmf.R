# The RcppML side of bench/pipeline.sh: NMF of a TF-IDF matrix exported by
# sklearn_pipeline.py --export. Usage: Rscript rcppml_nmf.R MATRIX.mtx K
# Prints one line of key=value figures; the time covers RcppML::nmf only (not reading).
suppressPackageStartupMessages({ library(Matrix); library(RcppML) })
args <- commandArgs(trailingOnly = TRUE)
A <- as(readMM(args[1]), "CsparseMatrix")
k <- as.integer(args[2])
t <- system.time(model <- RcppML::nmf(A, k, tol = 1e-4, maxit = 100, seed = 1, verbose = FALSE))
# ||A - W D H||_F without forming the dense product: ||A||^2 - 2<A, WDH> + ||WDH||^2.
W <- model$w %*% diag(model$d)
H <- model$h
cross <- sum(W * as.matrix(A %*% t(H)))
sq <- sum((crossprod(W) * tcrossprod(H)))
rel <- sqrt(max(sum(A@x^2) - 2 * cross + sq, 0)) / sqrt(sum(A@x^2))
# getRcppMLthreads() == 0 means "all cores OpenMP offers".
cat(sprintf("nmf=%.3f iterations=%d relative_error=%.5f threads=%d\n", t[["elapsed"]],
            model$iter, rel, RcppML::getRcppMLthreads()))
