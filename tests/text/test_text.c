/* test_text.c: the tokenizer (decoding, normalisation, patterns, lengths). Random-input
 * tests (test_tokens_random.c) and stop-word tests (test_stopwords.c) join this suite. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "nmftopics/text.h"
#include "nt_test.h"

void add_stopword_tests(const nt_test_cases *tc);
void add_random_token_tests(const nt_test_cases *tc);
void add_byteclass_tests(const nt_test_cases *tc);

/* Tokens of one run, joined by single spaces. */
typedef struct collected {
    char text[4096];
    size_t count;
    int stop_after; /* stop (return 7) after this many tokens when non-zero */
} collected;

static int collect(void *user, const char *token, size_t len)
{
    collected *c = user;
    ck_assert_uint_eq(strlen(token), len); /* NUL-terminated at len */
    size_t used = strlen(c->text);
    ck_assert_uint_lt(used + len + 2, sizeof c->text);
    if (c->count++)
        strcat(c->text, " ");
    strcat(c->text, token);
    return c->stop_after && c->count == (size_t)c->stop_after ? 7 : 0;
}

/* Tokenizes s with the given pattern and length limits; returns the joined tokens. */
static const char *tokens(const char *s, nt_token_pattern pattern, size_t min, size_t max,
                          int *latin1)
{
    static collected c;
    memset(&c, 0, sizeof c);
    nt_tokenizer_options opts;
    nt_tokenizer_options_init(&opts);
    opts.pattern = pattern;
    opts.min_length = min;
    opts.max_length = max;
    nt_tokenizer *tok;
    ck_assert_int_eq(nt_tokenizer_create(&opts, &tok, NULL), NT_OK);
    int dummy;
    ck_assert_int_eq(nt_tokenizer_run(tok, s, strlen(s), collect, &c, latin1 ? latin1 : &dummy,
                                      NULL), NT_OK);
    nt_tokenizer_free(tok);
    return c.text;
}

static const char *letters(const char *s)
{
    return tokens(s, NT_TOKENS_LETTERS, 2, 40, NULL);
}

START_TEST(ascii_lowercased_and_split)
{
    ck_assert_str_eq(letters("The quick, BROWN fox -- jumped! a I"), "the quick brown fox jumped");
}
END_TEST

START_TEST(accents_composed_and_decomposed_agree)
{
    ck_assert_str_eq(letters("Caf\xC3\xA9 CAFE\xCC\x81"), "caf\xC3\xA9 caf\xC3\xA9");
    /* Decomposed input with a capital accented letter in the middle of a word. */
    ck_assert_str_eq(letters("re\xCC\x81sume\xCC\x81 R\xC3\x89SUM\xC3\x89"),
                     "r\xC3\xA9sum\xC3\xA9 r\xC3\xA9sum\xC3\xA9");
}
END_TEST

START_TEST(cyrillic_and_greek_folded)
{
    /* "Москва МОСКВА" -> "москва москва" */
    ck_assert_str_eq(letters("\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0 "
                             "\xD0\x9C\xD0\x9E\xD0\xA1\xD0\x9A\xD0\x92\xD0\x90"),
                     "\xD0\xBC\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0 "
                     "\xD0\xBC\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0");
    /* "ΛΌΓΟΣ λόγος": capital and final sigma both fold to σ. */
    ck_assert_str_eq(letters("\xCE\x9B\xCE\x8C\xCE\x93\xCE\x9F\xCE\xA3 "
                             "\xCE\xBB\xCF\x8C\xCE\xB3\xCE\xBF\xCF\x82"),
                     "\xCE\xBB\xCF\x8C\xCE\xB3\xCE\xBF\xCF\x83 "
                     "\xCE\xBB\xCF\x8C\xCE\xB3\xCE\xBF\xCF\x83");
}
END_TEST

START_TEST(nfkc_full_width_ligatures_and_sharp_s)
{
    /* Full-width "ＡＢＣ", the "ﬁ" ligature in "ﬁne", and "Straße". */
    ck_assert_str_eq(letters("\xEF\xBC\xA1\xEF\xBC\xA2\xEF\xBC\xA3 \xEF\xAC\x81ne "
                             "Stra\xC3\x9F" "e"),
                     "abc fine strasse");
    /* A full-width word next to ASCII letters is normalised as one chunk. */
    ck_assert_str_eq(letters("\xEF\xBD\x81" "bc"), "abc");
    /* A soft hyphen (default-ignorable) does not split a word. */
    ck_assert_str_eq(letters("co\xC2\xADoperation"), "cooperation");
    /* A zero-width space, although default-ignorable too, separates words. */
    ck_assert_str_eq(letters("ab\xE2\x80\x8B" "cd"), "ab cd");
}
END_TEST

START_TEST(patterns_differ_on_digits_and_underscore)
{
    const char *s = "foo_bar x2 v8engine 2024 _";
    ck_assert_str_eq(tokens(s, NT_TOKENS_WORD, 2, 40, NULL), "foo_bar x2 v8engine 2024");
    ck_assert_str_eq(tokens(s, NT_TOKENS_ALNUM, 2, 40, NULL), "foo bar x2 v8engine 2024");
    ck_assert_str_eq(tokens(s, NT_TOKENS_LETTERS, 2, 40, NULL), "foo bar engine");
    /* Non-ASCII digits and numbers: Arabic-Indic "٤٢" and superscript-two after NFKC. */
    ck_assert_str_eq(tokens("\xD9\xA4\xD9\xA2 x\xC2\xB2", NT_TOKENS_ALNUM, 2, 40, NULL),
                     "\xD9\xA4\xD9\xA2 x2");
    ck_assert_str_eq(tokens("\xD9\xA4\xD9\xA2 x\xC2\xB2", NT_TOKENS_LETTERS, 1, 40, NULL), "x");
}
END_TEST

START_TEST(marks_inside_words_but_not_for_word_pattern)
{
    /* Hindi "हिन्दी": vowel signs and virama are marks. LETTERS keeps the word whole;
     * WORD, like Python's \w, splits at each mark and keeps runs of two or more letters. */
    const char *hindi = "\xE0\xA4\xB9\xE0\xA4\xBF\xE0\xA4\xA8\xE0\xA5\x8D\xE0\xA4\xA6\xE0\xA5\x80";
    ck_assert_str_eq(letters(hindi), hindi);
    ck_assert_str_eq(tokens(hindi, NT_TOKENS_WORD, 1, 40, NULL),
                     "\xE0\xA4\xB9 \xE0\xA4\xA8 \xE0\xA4\xA6");
    ck_assert_str_eq(tokens(hindi, NT_TOKENS_WORD, 2, 40, NULL), "");
}
END_TEST

START_TEST(stop_from_emit_is_returned)
{
    collected c;
    memset(&c, 0, sizeof c);
    c.stop_after = 2;
    nt_tokenizer_options opts;
    nt_tokenizer_options_init(&opts);
    nt_tokenizer *tok;
    ck_assert_int_eq(nt_tokenizer_create(&opts, &tok, NULL), NT_OK);
    const char *s = "one two three caf\xC3\xA9 d\xC3\xA9j\xC3\xA0";
    ck_assert_int_eq(nt_tokenizer_run(tok, s, strlen(s), collect, &c, NULL, NULL), 7);
    ck_assert_str_eq(c.text, "one two");
    memset(&c, 0, sizeof c);
    c.stop_after = 4;
    ck_assert_int_eq(nt_tokenizer_run(tok, s, strlen(s), collect, &c, NULL, NULL), 7);
    ck_assert_str_eq(c.text, "one two three caf\xC3\xA9");
    nt_tokenizer_free(tok);
}
END_TEST

START_TEST(invalid_utf8_falls_back_to_latin1)
{
    int latin1 = -1;
    ck_assert_str_eq(tokens("Caf\xE9 au lait", NT_TOKENS_LETTERS, 2, 40, &latin1),
                     "caf\xC3\xA9 au lait");
    ck_assert_int_eq(latin1, 1);
    /* One bad byte anywhere switches the whole document, including valid-looking UTF-8. */
    /* "été" then 0xFF reads as "Ã©tÃ© ÿ": © is a symbol, so a separator. */
    ck_assert_str_eq(tokens("\xC3\xA9t\xC3\xA9 \xFF", NT_TOKENS_LETTERS, 1, 40, &latin1),
                     "\xC3\xA3 t\xC3\xA3 \xC3\xBF");
    ck_assert_int_eq(latin1, 1);
    /* Overlong encodings and surrogates are invalid UTF-8 too. */
    tokens("ab\xC0\xAF", NT_TOKENS_LETTERS, 2, 40, &latin1);
    ck_assert_int_eq(latin1, 1);
    tokens("ab\xED\xA0\x80", NT_TOKENS_LETTERS, 2, 40, &latin1);
    ck_assert_int_eq(latin1, 1);
    ck_assert_str_eq(tokens("caf\xC3\xA9", NT_TOKENS_LETTERS, 2, 40, &latin1), "caf\xC3\xA9");
    ck_assert_int_eq(latin1, 0);
}
END_TEST

START_TEST(lengths_in_code_points)
{
    /* min 3 drops "is"; "été" (3 code points, 5 bytes) is kept. */
    ck_assert_str_eq(tokens("it is \xC3\xA9t\xC3\xA9 now", NT_TOKENS_LETTERS, 3, 40, NULL),
                     "\xC3\xA9t\xC3\xA9 now");
    /* max 4: the 5-letter words are dropped, not truncated, ASCII or not. */
    ck_assert_str_eq(tokens("four fives \xC3\xA9t\xC3\xA9" "es \xC3\xA9t\xC3\xA9",
                            NT_TOKENS_LETTERS, 1, 4, NULL),
                     "four \xC3\xA9t\xC3\xA9");
    ck_assert_str_eq(tokens("a b", NT_TOKENS_LETTERS, 1, 1, NULL), "a b");
}
END_TEST

START_TEST(cjk_runs_are_single_tokens)
{
    /* "東京都に住む。" : a run of letters up to the ideographic full stop is one token. */
    const char *s = "\xE6\x9D\xB1\xE4\xBA\xAC\xE9\x83\xBD\xE3\x81\xAB\xE4\xBD\x8F\xE3\x82\x80"
                    "\xE3\x80\x82";
    ck_assert_str_eq(letters(s), "\xE6\x9D\xB1\xE4\xBA\xAC\xE9\x83\xBD\xE3\x81\xAB\xE4\xBD\x8F"
                                 "\xE3\x82\x80");
    /* The same run with max_length 5 (it has 6 code points) is dropped. */
    ck_assert_str_eq(tokens(s, NT_TOKENS_LETTERS, 2, 5, NULL), "");
}
END_TEST

START_TEST(empty_and_separator_only_documents)
{
    ck_assert_str_eq(letters(""), "");
    ck_assert_str_eq(letters(" \t\n.,;!? -- 123"), "");
    /* A NUL byte separates tokens. */
    nt_tokenizer_options opts;
    nt_tokenizer_options_init(&opts);
    nt_tokenizer *tok;
    ck_assert_int_eq(nt_tokenizer_create(&opts, &tok, NULL), NT_OK);
    collected c;
    memset(&c, 0, sizeof c);
    ck_assert_int_eq(nt_tokenizer_run(tok, "ab\0cd", 5, collect, &c, NULL, NULL), NT_OK);
    ck_assert_str_eq(c.text, "ab cd");
    nt_tokenizer_free(tok);
}
END_TEST

static int count_greek(void *user, const char *token, size_t len)
{
    ck_assert_uint_eq(len, 6);
    ck_assert_str_eq(token, "\xCE\xB1\xCE\xB2\xCE\xB3");
    ++*(size_t *)user;
    return 0;
}

START_TEST(long_chunk_without_ascii_separators)
{
    /* "ΑΒΓ、" repeated: one 900 kB chunk with no ASCII byte, normalised in one go, twice
     * with the same tokenizer (the second run reuses the grown scratch). */
    size_t n = 100000;
    char *s = malloc(n * 9 + 1);
    for (size_t i = 0; i < n; i++)
        memcpy(s + 9 * i, "\xCE\x91\xCE\x92\xCE\x93\xE3\x80\x81", 9);
    nt_tokenizer_options opts;
    nt_tokenizer_options_init(&opts);
    nt_tokenizer *tok;
    ck_assert_int_eq(nt_tokenizer_create(&opts, &tok, NULL), NT_OK);
    for (int run = 0; run < 2; run++) {
        size_t count = 0;
        ck_assert_int_eq(nt_tokenizer_run(tok, s, 9 * n, count_greek, &count, NULL, NULL),
                         NT_OK);
        ck_assert_uint_eq(count, n);
    }
    nt_tokenizer_free(tok);
    free(s);
}
END_TEST

START_TEST(options_checked)
{
    nt_tokenizer_options opts;
    nt_tokenizer_options_init(&opts);
    ck_assert_int_eq(opts.pattern, NT_TOKENS_LETTERS);
    ck_assert_uint_eq(opts.min_length, 2);
    ck_assert_uint_eq(opts.max_length, 40);
    ck_assert_int_eq(nt_tokenizer_options_check(&opts, NULL), NT_OK);
    nt_error err;
    opts.min_length = 0;
    ck_assert_int_eq(nt_tokenizer_options_check(&opts, &err), NT_EINVAL);
    ck_assert_ptr_nonnull(strstr(err.message, "minimum token length"));
    opts.min_length = 5;
    opts.max_length = 4;
    nt_tokenizer *tok = (nt_tokenizer *)&opts;
    ck_assert_int_eq(nt_tokenizer_create(&opts, &tok, &err), NT_EINVAL);
    ck_assert_ptr_null(tok);
    ck_assert_ptr_nonnull(strstr(err.message, "5"));
    opts.max_length = 5;
    opts.pattern = (nt_token_pattern)9;
    ck_assert_int_eq(nt_tokenizer_options_check(&opts, &err), NT_EINVAL);
    ck_assert_ptr_nonnull(strstr(err.message, "pattern"));
    nt_tokenizer_free(NULL);
}
END_TEST

int main(void)
{
    nt_test_tmpdir(); /* made before the tests fork; nt_test_main removes it */
    nt_test_cases tc;
    Suite *s = nt_test_suite("text", &tc);
    NT_TEST_ADD(tc.core, ascii_lowercased_and_split, accents_composed_and_decomposed_agree,
                cyrillic_and_greek_folded, nfkc_full_width_ligatures_and_sharp_s,
                patterns_differ_on_digits_and_underscore,
                marks_inside_words_but_not_for_word_pattern, stop_from_emit_is_returned);
    NT_TEST_ADD(tc.edge, invalid_utf8_falls_back_to_latin1, lengths_in_code_points,
                cjk_runs_are_single_tokens, empty_and_separator_only_documents,
                long_chunk_without_ascii_separators);
    NT_TEST_ADD(tc.errors, options_checked);
    add_random_token_tests(&tc);
    add_byteclass_tests(&tc);
    add_stopword_tests(&tc);
    return nt_test_main(s);
}
