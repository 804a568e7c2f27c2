/*
 * dashboard/dashboard.h — the académie's view: every school's committee,
 * computed from the files the schools keep, never typed again.
 *
 * Each data file is validated, reduced to the figures of its school for its
 * school year (dash_add_file), and dropped: memory grows with the schools,
 * not with the files. A school's figures merge by sums, unions and "the
 * latest wins" (figures.c), so that slices of the files computed apart
 * (a partial, partial.c) merge into exactly the figures of one run. The
 * figures are then written for one school year: a CSV per school and one
 * of the académie's totals (output.c).
 *
 * Figures only: schools' UAI and names, never a person's name.
 */
#ifndef COPIL_DASHBOARD_DASHBOARD_H
#define COPIL_DASHBOARD_DASHBOARD_H

#include <stdio.h>

#include "render/render.h"

typedef struct Dashboard Dashboard;

/* An empty dashboard; NULL when out of memory. */
Dashboard *dash_new(void);
void dash_free(Dashboard *d);

/* Validates the data file at path with the session's schemas and adds its
 * figures to its school's, for its school year; a file that does not
 * validate is kept in the list of unusable files with its first error
 * (from r, whose diagnostics it fills), a file of another kind is counted
 * as ignored. STATUS_IO only when memory fails. */
Status dash_add_file(Dashboard *d, Session *s, Run *r, const char *path);

/* The académie's list of schools (CSV with a header naming at least the
 * columns uai, name and kind, in any order): it makes the denominator of
 * every figure, and its schools without any file are listed. STATUS_INVALID
 * with a sentence in why (size whylen) when it cannot be read as such. */
Status dash_schools(Dashboard *d, const char *csv, size_t len, char *why, size_t whylen);

/* Writes d's figures, every school year, as a partial: text that
 * dash_merge reads back. Deterministic: the same figures, the same bytes. */
Status dash_write_partial(const Dashboard *d, FILE *f);

/* Adds the figures of a partial (its n bytes at data) to d. STATUS_INVALID
 * with a sentence in why when it is not a partial of this version. */
Status dash_merge(Dashboard *d, const char *data, size_t n, char *why, size_t whylen);

/* The school year the figures are for: year when given (YYYY-YYYY), else
 * the latest a meeting was held in (not a next year with only agendas), else
 * the latest seen in the files; NULL when there is none. */
const char *dash_year(const Dashboard *d, const char *year);

/* Writes etablissements.csv (one row per school) and synthese.csv (the
 * académie's figures, each with its numerator and denominator) for year
 * into the folder dir, atomically. STATUS_IO with a sentence in why. */
Status dash_write_csv(const Dashboard *d, Run *r, const char *year, const char *dir, char *why,
                      size_t whylen);

/* The académie's figures for year as a document of copil's data
 * namespace (schemas/dashboard.xsd), which stylesheets/dashboard.xsl makes
 * the PDF of: the figures of synthese.csv as <figure section name n of>,
 * the list's schools without a file, the files not usable with their first
 * problem (e-mail addresses hidden). The caller frees it. */
xmlDocPtr dash_document(const Dashboard *d, const char *year);

/* What the run saw, for the command's summary line. */
typedef struct DashCounts {
    int usable;     /* valid files of the year */
    int other_year; /* valid files of another school year */
    int unusable;   /* files that do not validate */
    int ignored;    /* files of another kind */
    int schools;    /* the denominator: the list's, or the schools seen */
    int silent;     /* schools of the list without any file of the year */
} DashCounts;
void dash_counts(const Dashboard *d, const char *year, DashCounts *c);

#endif
