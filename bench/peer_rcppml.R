# peer_rcppml.R A.mtx K THREADS: RcppML::nmf (its defaults: tol 1e-4, maxit 100, its own seeded
# random start, seed 0) on the same matrix. Prints one tab-separated line: rcppml, seconds,
# iterations, relative error ||A - W diag(d) H||_F / ||A||_F.
suppressMessages({ library(Matrix); library(RcppML) })
args <- commandArgs(trailingOnly = TRUE)
A <- as(readMM(args[1]), "CsparseMatrix")
k <- as.integer(args[2])
setRcppMLthreads(as.integer(args[3]))
start <- proc.time()[["elapsed"]]
model <- RcppML::nmf(A, k, verbose = FALSE, seed = 0)
seconds <- proc.time()[["elapsed"]] - start
W <- model$w %*% diag(model$d)
H <- model$h
a2 <- sum(A@x^2)
cross <- sum((A %*% t(H)) * W)
gram <- sum((crossprod(W)) * (H %*% t(H)))
err <- sqrt(max(a2 - 2 * cross + gram, 0) / a2)
cat(sprintf("rcppml\t%.4f\t%d\t%.6f\n", seconds, as.integer(model$iter), err))
