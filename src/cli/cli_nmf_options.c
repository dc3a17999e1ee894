/* cli_nmf_options.c: parsing every NMF option into nt_nmf_options, and custom init files. */
#include "cli_nmf_options.h"

#include <stdlib.h>
#include <string.h>

#include "cli_main.h"
#include "nmftopics/matrix.h"

static const cli_option nmf_options[] = {
    {"rank", 'k', "K", "number of topics, 1 <= K <= min(rows, columns) (default: 10)"},
    {"algorithm", 0, "NAME", "hals, mu, kl, anls-bpp, snmf-r or snmf-l (default: hals)"},
    {"init", 0, "NAME", "random, nndsvd, nndsvda, nndsvdar or custom (default: nndsvda)"},
    {"init-w", 0, "FILE", "W to start from (rows x K Matrix Market), with --init custom"},
    {"init-h", 0, "FILE", "H to start from (K x columns Matrix Market), with --init custom"},
    {"seed", 0, "N", "random seed of the first run; run r uses N+r (default: 1)"},
    {"runs", 0, "N", "independent runs, the lowest objective kept (for --init random or "
                     "nndsvdar: NNDSVD starts differ only in the SVD's random sketch) "
                     "(default: 1)"},
    {"max-iter", 0, "N", "iterations per run at most (default: 200)"},
    {"tol", 0, "X", "threshold of the stopping rule (default: 1e-4)"},
    {"stop", 0, "RULE", "objective or pgrad (projected gradient) (default: objective)"},
    {"max-time", 0, "SECONDS", "time limit per run, 0 = none (default: 0)"},
    {"l1-w", 0, "X", "L1 penalty on W, Frobenius algorithms (default: 0)"},
    {"l1-h", 0, "X", "L1 penalty on H, Frobenius algorithms (default: 0)"},
    {"l2-w", 0, "X", "L2 penalty on W, Frobenius algorithms (default: 0)"},
    {"l2-h", 0, "X", "L2 penalty on H, Frobenius algorithms (default: 0)"},
    {"snmf-beta", 0, "X", "snmf-r/-l: weight of the squared L1 norms (default: 0.01)"},
    {"snmf-eta", 0, "X", "snmf-r/-l: L2 weight on the other factor, -1 = max(A) (default: -1)"},
    {"missing", 0, "MODE", "zero or absent (zeros unknown, fit the nonzeros; hals) "
                           "(default: zero)"},
};

static int choice(const char *name, const char *value, const char *(*names)(int), int count,
                  int *out, nt_error *err)
{
    const char *list[16];
    for (int q = 0; q < count; q++)
        list[q] = names(q);
    return cli_parse_choice(name, value, list, (size_t)count, out, err);
}

/* Options that take whole numbers. */
static int handle_count(cli_nmf_options *o, const char *name, const char *value, nt_error *err)
{
    long v;
    int rc;
    if (strcmp(name, "rank") == 0) {
        if ((rc = cli_parse_long(name, value, 1, 1000000, &v, err)) == 0)
            o->nmf.k = (size_t)v;
    } else if (strcmp(name, "seed") == 0) {
        if ((rc = cli_parse_long(name, value, 0, 2147483647, &v, err)) == 0)
            o->nmf.seed = (uint64_t)v;
    } else {
        int *dst = strcmp(name, "runs") == 0 ? &o->nmf.runs : &o->nmf.max_iter;
        if ((rc = cli_parse_long(name, value, 1, 100000000, &v, err)) == 0)
            *dst = (int)v;
    }
    return rc;
}

/* Options that take real numbers. */
static int handle_real(cli_nmf_options *o, const char *name, const char *value, nt_error *err)
{
    static const char *const names[] = {"tol", "max-time", "l1-w", "l1-h", "l2-w", "l2-h",
                                        "snmf-beta", "snmf-eta"};
    double *dst[] = {&o->nmf.tol, &o->nmf.max_time, &o->nmf.l1_w, &o->nmf.l1_h, &o->nmf.l2_w,
                     &o->nmf.l2_h, &o->nmf.snmf_beta, &o->nmf.snmf_eta};
    for (size_t q = 0; q < sizeof names / sizeof names[0]; q++)
        if (strcmp(name, names[q]) == 0)
            return cli_parse_double(name, value, strcmp(name, "snmf-eta") == 0 ? -1.0 : 0.0,
                                    1e300, dst[q], err);
    return nt_error_set(err, NT_EINVAL, "--%s is not an NMF option", name);
}

static int handle(void *target, const char *name, const char *value, nt_error *err)
{
    cli_nmf_options *o = target;
    static const char *const stops[] = {"objective", "pgrad"};
    static const char *const missing[] = {"zero", "absent"};
    if (strcmp(name, "algorithm") == 0)
        return choice(name, value, nt_nmf_algorithm_name, NT_NMF_ALGORITHM_COUNT,
                      &o->nmf.algorithm, err);
    if (strcmp(name, "init") == 0)
        return choice(name, value, nt_nmf_init_name, NT_NMF_INIT_COUNT, &o->nmf.init, err);
    if (strcmp(name, "stop") == 0)
        return cli_parse_choice(name, value, stops, 2, &o->nmf.stop, err);
    if (strcmp(name, "missing") == 0)
        return cli_parse_choice(name, value, missing, 2, &o->nmf.missing, err);
    if (strcmp(name, "init-w") == 0 || strcmp(name, "init-h") == 0) {
        *(name[5] == 'w' ? &o->init_w_path : &o->init_h_path) = value;
        return 0;
    }
    if (strcmp(name, "rank") == 0 || strcmp(name, "seed") == 0 || strcmp(name, "runs") == 0 ||
        strcmp(name, "max-iter") == 0)
        return handle_count(o, name, value, err);
    return handle_real(o, name, value, err);
}

void cli_nmf_options_init(cli_nmf_options *o)
{
    memset(o, 0, sizeof *o);
    nt_nmf_options_init(&o->nmf);
}

cli_option_group cli_nmf_option_group(cli_nmf_options *o)
{
    cli_option_group g = {"NMF options", nmf_options, sizeof nmf_options / sizeof nmf_options[0],
                          handle, o};
    return g;
}

int cli_nmf_options_finish(cli_nmf_options *o, const char *command)
{
    int custom = o->nmf.init == NT_NMF_INIT_CUSTOM;
    if (custom != (o->init_w_path != NULL) || custom != (o->init_h_path != NULL)) {
        cli_error("%s: --init custom goes with both --init-w FILE and --init-h FILE", command);
        return CLI_USAGE_ERROR;
    }
    nt_error err;
    if (nt_nmf_options_check_settings(&o->nmf, &err) != NT_OK) {
        cli_error("%s: %s", command, err.message);
        return CLI_USAGE_ERROR;
    }
    return CLI_PARSED;
}

/* Reads the custom init files for an m x n input, checking their sizes (no-op otherwise). */
static int load_custom(cli_nmf_options *o, size_t m, size_t n, nt_error *err)
{
    if (o->nmf.init != NT_NMF_INIT_CUSTOM)
        return NT_OK;
    size_t k = o->nmf.k, r, c;
    double *hk = NULL;
    int rc = nt_dense_read_mtx(o->init_w_path, &o->init_w, &r, &c, err);
    if (rc == NT_OK && (r != m || c != k))
        rc = nt_error_set(err, NT_EINVAL, "%s is %zu x %zu; --init-w needs %zu x %zu (rows x k)",
                          o->init_w_path, r, c, m, k);
    if (rc == NT_OK)
        rc = nt_dense_read_mtx(o->init_h_path, &hk, &r, &c, err);
    if (rc == NT_OK && (r != k || c != n))
        rc = nt_error_set(err, NT_EINVAL, "%s is %zu x %zu; --init-h needs %zu x %zu (k x columns)",
                          o->init_h_path, r, c, k, n);
    if (rc == NT_OK && !(o->init_h = malloc(k * n * sizeof *o->init_h)))
        rc = nt_error_set(err, NT_ENOMEM, "out of memory reading %s", o->init_h_path);
    if (rc == NT_OK) {
        /* The file is column-major k x n; H is stored topic by topic. */
        for (size_t t = 0; t < k; t++)
            for (size_t j = 0; j < n; j++)
                o->init_h[t * n + j] = hk[j * k + t];
        o->nmf.init_w = o->init_w;
        o->nmf.init_h = o->init_h;
    }
    free(hk);
    return rc;
}

int cli_nmf_options_prepare(cli_nmf_options *o, size_t m, size_t n, nt_error *err)
{
    int rc = load_custom(o, m, n, err);
    return rc == NT_OK ? nt_nmf_options_check(&o->nmf, m, n, err) : rc;
}

void cli_nmf_options_free(cli_nmf_options *o)
{
    if (!o)
        return;
    free(o->init_w);
    free(o->init_h);
    o->init_w = o->init_h = NULL;
}
