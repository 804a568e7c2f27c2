/*
 * dashboard/internal.h — a school's figures, as the files of src/dashboard/
 * share them.
 */
#ifndef COPIL_DASHBOARD_INTERNAL_H
#define COPIL_DASHBOARD_INTERNAL_H

#include <glib.h>

#include "dashboard/dashboard.h"

/* Values by code (a role, a family, a mission axis…), sorted by code. */
typedef struct Tally {
    int n, cap;
    char **code;
    double *value;
} Tally;

void tally_add(Tally *t, const char *code, double v); /* adds v */
void tally_max(Tally *t, const char *code, double v); /* keeps the larger */
double tally_get(const Tally *t, const char *code);
void tally_free(Tally *t);

/* The action statuses counted at a school's last meeting. */
enum { ACT_DONE, ACT_OPEN, ACT_LATE, ACT_ABANDONED, ACT_N };
/* The evaluations' results. */
enum { OBJ_REACHED, OBJ_PARTLY, OBJ_NOT, OBJ_N };

/* A school's figures for one school year. Every field merges with the
 * same field of another slice of its files (dash_school_merge). */
typedef struct School {
    char *year; /* "2026-2027" */
    char *key;  /* its UAI, or "=" and its name when it has none */
    /* what it is called, from its latest file (source_date, then path) */
    char *uai, *name, *kind, *source_date, *source_path;
    int files;      /* valid files of the year */
    int held;       /* meetings with their record */
    int planned;    /* meetings without a record yet */
    unsigned terms; /* bit t: a meeting held in term t+1 */
    int *sizes;     /* members present at each meeting held (sorted) */
    int nsizes;
    Tally roles;    /* roles present at a meeting held: 1 */
    Tally families; /* agenda items of meetings held, by family */
    Tally kinds;    /* and by kind */
    int decisions;
    /* the last meeting held: its actions */
    char *last_date, *last_path;
    int actions[ACT_N];
    int objectives[OBJ_N];
    int ctice, letter, report; /* 0 or 1 */
    /* from its activity reports */
    int reports;
    Tally shares;  /* per mission axis: the percents, summed over reports */
    Tally support; /* per category: requests */
    int sessions, participations, internal, external;
    double hours;
    int indicators_reached, indicators;
} School;

/* An unusable file: its path and its first error, as printed. */
typedef struct Unusable {
    char *path, *message;
} Unusable;

/* A school of the académie's list. */
typedef struct Listed {
    char *uai, *name, *kind;
} Listed;

struct Dashboard {
    GHashTable *schools; /* "YEAR\tKEY" → School */
    GPtrArray *unusable; /* Unusable, in the order found; sorted on output */
    int ignored;
    GPtrArray *listed; /* Listed, from --schools; empty without */
};

/* The school of year and key in d, made empty when new; NULL when memory
 * fails. */
School *dash_school(Dashboard *d, const char *year, const char *key);

/* Adds what from holds to into (same year and key). */
void dash_school_merge(School *into, const School *from);

void dash_school_free(School *s);

/* The schools of year, sorted by key; g_free the array. */
School **dash_schools_of(const Dashboard *d, const char *year, int *n);

/* The unusable files of d, sorted by path (the same order whatever the
 * order they were read in); g_free the array. */
Unusable **dash_unusable_sorted(const Dashboard *d);

/* Sets *field to a copy of v (freeing what it held). */
void dash_set(char **field, const char *v);

/* 1 when (date, path) comes after (best_date, best_path): a later date, or
 * the same and a path that sorts after. */
int dash_later(const char *date, const char *path, const char *best_date, const char *best_path);

#endif
