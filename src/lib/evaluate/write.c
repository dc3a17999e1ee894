/* write.c: an evaluation as an aligned text table and as JSON. */
#include "nmftopics/evaluate.h"

#include "common/json_write.h"

static int finish(FILE *fp, nt_error *err)
{
    return ferror(fp) ? nt_error_set(err, NT_EIO, "writing the evaluation failed") : NT_OK;
}

int nt_evaluation_write_text(FILE *fp, const nt_evaluation *ev, nt_error *err)
{
    const nt_coherence *c = ev->coherence;
    fprintf(fp, "%zu documents, %zu topics; coherence of the top %d terms over the documents, "
                "diversity of the top %d\n\n", ev->documents, ev->topics, ev->top_terms,
            ev->diversity_terms);
    fprintf(fp, "topic  documents     npmi     umass\n");
    for (size_t t = 0; t < ev->topics; t++)
        fprintf(fp, "%5zu  %9zu  %7.4f  %8.3f\n", t + 1, ev->topic_documents[t], c->npmi[t],
                c->umass[t]);
    fprintf(fp, " mean  %9s  %7.4f  %8.3f\n\ndiversity %.4f", "", c->npmi_mean, c->umass_mean,
            ev->diversity);
    if (ev->zero_documents)
        fprintf(fp, "; %zu document%s no term with the model (no topic)", ev->zero_documents,
                ev->zero_documents == 1 ? " shares" : "s share");
    fputc('\n', fp);
    if (ev->has_labels) {
        const nt_agreement *a = &ev->agreement;
        fprintf(fp, "\nlabels: %d documents in %d classes compared (%zu without a label, %zu "
                    "unknown name%s in the file)\npurity %.4f  entropy %.4f  NMI %.4f\n",
                a->documents, a->classes, ev->unlabelled, ev->unknown_names,
                ev->unknown_names == 1 ? "" : "s", a->purity, a->entropy, a->nmi);
    }
    return finish(fp, err);
}

int nt_evaluation_write_json(FILE *fp, const nt_evaluation *ev, nt_error *err)
{
    const nt_coherence *c = ev->coherence;
    fprintf(fp, "{\n  \"documents\": %zu,\n  \"topics\": %zu,\n  \"top_terms\": %d,\n  ",
            ev->documents, ev->topics, ev->top_terms);
    nt_json_field(fp, "npmi_mean", c->npmi_mean, ",\n  ");
    nt_json_field(fp, "umass_mean", c->umass_mean, ",\n  ");
    nt_json_field(fp, "diversity", ev->diversity, ",\n");
    fprintf(fp, "  \"zero_documents\": %zu,\n  \"per_topic\": [\n", ev->zero_documents);
    for (size_t t = 0; t < ev->topics; t++) {
        fprintf(fp, "    {\"topic\": %zu, \"documents\": %zu, ", t + 1, ev->topic_documents[t]);
        nt_json_field(fp, "npmi", c->npmi[t], ", ");
        nt_json_field(fp, "umass", c->umass[t], t + 1 < ev->topics ? "},\n" : "}\n");
    }
    fputs("  ]", fp);
    if (ev->has_labels) {
        const nt_agreement *a = &ev->agreement;
        fputs(",\n  \"labels\": {", fp);
        nt_json_field(fp, "purity", a->purity, ", ");
        nt_json_field(fp, "entropy", a->entropy, ", ");
        nt_json_field(fp, "nmi", a->nmi, ", ");
        fprintf(fp, "\"compared\": %d, \"classes\": %d, \"unlabelled\": %zu, "
                    "\"unknown_names\": %zu}", a->documents, a->classes, ev->unlabelled,
                ev->unknown_names);
    }
    fputs("\n}\n", fp);
    return finish(fp, err);
}
