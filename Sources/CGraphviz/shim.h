// The only place RoundTrip touches Graphviz's headers. Version differences live here.
#ifndef ROUNDTRIP_CGRAPHVIZ_SHIM_H
#define ROUNDTRIP_CGRAPHVIZ_SHIM_H

#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <graphviz/graphviz_version.h>
#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

/// gvRenderData takes `unsigned int *` before Graphviz 13 and `size_t *` from 13.0 on.
static inline int roundtrip_gv_render_data(GVC_t *gvc, Agraph_t *graph, const char *format, char **result, size_t *length) {
#if defined(GRAPHVIZ_VERSION_MAJOR) && GRAPHVIZ_VERSION_MAJOR >= 13
    return gvRenderData(gvc, graph, format, result, length);
#else
    unsigned int shortLength = 0;
    int status = gvRenderData(gvc, graph, format, result, &shortLength);
    *length = (size_t)shortLength;
    return status;
#endif
}

/// Keep errors out of stderr: store them so aglasterr() can return them.
static inline void roundtrip_ag_collect_errors(void) {
    agseterr(AGMAX);
    agreseterrors();
}

/// The last stored error message (malloc'd; the caller frees it), or NULL.
static inline char *roundtrip_ag_last_error(void) { return aglasterr(); }

/// Frees a string Graphviz allocated with malloc.
static inline void roundtrip_free(void *pointer) { free(pointer); }

/*
 * Deterministic object IDs.
 *
 * cgraph's default ID discipline uses the address of each interned name as the object's ID and keeps subgraphs
 * ordered by ID, so the order in which dot sees sibling clusters — and with it the layout — changes from run to run
 * with heap addresses. This discipline numbers names in the order the parser first meets them (even IDs; anonymous
 * objects get odd ones, as in cgraph), so the same DOT always lays out the same way.
 *
 * It is written against the cgraph 2.4x discipline structs; newer Graphviz changed their signatures, and there
 * roundtrip_read_dot falls back to agmemread.
 */
#if !defined(GRAPHVIZ_VERSION_MAJOR)

typedef struct {
    char **names;        /* names[i] has ID 2 * (i + 1) */
    size_t count, capacity;
    size_t *slots;       /* open addressing: index + 1 into names, 0 = empty */
    size_t slotCount;
    IDTYPE anonymous;    /* next odd ID */
} roundtrip_idstate;

static size_t roundtrip_hash(const char *s) {
    size_t h = 1469598103934665603ULL;
    for (; *s; s++) { h ^= (unsigned char)*s; h *= 1099511628211ULL; }
    return h;
}

static void *roundtrip_id_open(Agraph_t *g, Agdisc_t *disc) {
    (void)g; (void)disc;
    roundtrip_idstate *state = calloc(1, sizeof(roundtrip_idstate));
    if (!state) return NULL;
    state->anonymous = 1;
    state->slotCount = 64;
    state->slots = calloc(state->slotCount, sizeof(size_t));
    return state;
}

static int roundtrip_id_grow(roundtrip_idstate *state) {
    size_t slotCount = state->slotCount * 2;
    size_t *slots = calloc(slotCount, sizeof(size_t));
    if (!slots) return 0;
    for (size_t i = 0; i < state->count; i++) {
        size_t h = roundtrip_hash(state->names[i]) & (slotCount - 1);
        while (slots[h]) h = (h + 1) & (slotCount - 1);
        slots[h] = i + 1;
    }
    free(state->slots);
    state->slots = slots;
    state->slotCount = slotCount;
    return 1;
}

static long roundtrip_id_map(void *opaque, int objtype, char *str, IDTYPE *id, int createflag) {
    (void)objtype;
    roundtrip_idstate *state = opaque;
    if (!state || !state->slots) return 0;
    if (!str) {
        *id = state->anonymous;
        state->anonymous += 2;
        return 1;
    }
    size_t h = roundtrip_hash(str) & (state->slotCount - 1);
    while (state->slots[h]) {
        size_t index = state->slots[h] - 1;
        if (strcmp(state->names[index], str) == 0) { *id = (IDTYPE)(2 * (index + 1)); return 1; }
        h = (h + 1) & (state->slotCount - 1);
    }
    if (!createflag) return 0;
    if (state->count == state->capacity) {
        size_t capacity = state->capacity ? state->capacity * 2 : 64;
        char **names = realloc(state->names, capacity * sizeof(char *));
        if (!names) return 0;
        state->names = names;
        state->capacity = capacity;
    }
    char *copy = strdup(str);
    if (!copy) return 0;
    state->names[state->count] = copy;
    state->slots[h] = ++state->count;
    *id = (IDTYPE)(2 * state->count);
    if (state->count * 2 > state->slotCount && !roundtrip_id_grow(state)) return 0;
    return 1;
}

static long roundtrip_id_alloc(void *state, int objtype, IDTYPE request) {
    (void)state; (void)objtype; (void)request;
    return 0;
}

static void roundtrip_id_free(void *state, int objtype, IDTYPE id) {
    (void)state; (void)objtype; (void)id;  /* names live until the graph closes */
}

static char *roundtrip_id_print(void *opaque, int objtype, IDTYPE id) {
    (void)objtype;
    roundtrip_idstate *state = opaque;
    if (!state || id == 0 || id % 2 == 1) return NULL;
    size_t index = (size_t)(id / 2) - 1;
    return index < state->count ? state->names[index] : NULL;
}

static void roundtrip_id_close(void *opaque) {
    roundtrip_idstate *state = opaque;
    if (!state) return;
    for (size_t i = 0; i < state->count; i++) free(state->names[i]);
    free(state->names);
    free(state->slots);
    free(state);
}

static void roundtrip_id_register(void *state, int objtype, void *obj) {
    (void)state; (void)objtype; (void)obj;
}

#endif

/// The disciplines a graph read by roundtrip_read_dot uses; free it (roundtrip_free) after agclose.
typedef struct {
    Agiddisc_t id;
    Agiodisc_t io;
} roundtrip_disciplines;

typedef struct { const char *data; size_t length; size_t position; } roundtrip_reader;

/* Hands the parser one line at a time, as agmemread does. */
static inline int roundtrip_read_line(void *channel, char *buffer, int size) {
    roundtrip_reader *reader = channel;
    if (size <= 0 || reader->position >= reader->length) return 0;
    int n = 0;
    char c;
    do {
        c = reader->data[reader->position + n];
        buffer[n++] = c;
    } while (c && c != '\n' && n < size && reader->position + n < reader->length);
    reader->position += n;
    return n;
}

/// Allocates the disciplines for one graph (NULL when out of memory).
static inline roundtrip_disciplines *roundtrip_disciplines_new(void) {
    roundtrip_disciplines *d = calloc(1, sizeof(roundtrip_disciplines));
    if (!d) return NULL;
#if !defined(GRAPHVIZ_VERSION_MAJOR)
    d->id.open = roundtrip_id_open;
    d->id.map = roundtrip_id_map;
    d->id.alloc = roundtrip_id_alloc;
    d->id.free = roundtrip_id_free;
    d->id.print = roundtrip_id_print;
    d->id.close = roundtrip_id_close;
    d->id.idregister = roundtrip_id_register;
#endif
    d->io.afread = roundtrip_read_line;
    d->io.putstr = AgIoDisc.putstr;
    d->io.flush = AgIoDisc.flush;
    return d;
}

/// Parses DOT text with deterministic object IDs (see above); NULL on a syntax error. `disciplines` must live
/// until the graph is closed.
static inline Agraph_t *roundtrip_read_dot(const char *text, roundtrip_disciplines *disciplines) {
#if !defined(GRAPHVIZ_VERSION_MAJOR)
    roundtrip_reader reader = { text, strlen(text), 0 };
    Agdisc_t disc = { &AgMemDisc, &disciplines->id, &disciplines->io };
    return agread(&reader, &disc);
#else
    (void)disciplines;
    return agmemread(text);
#endif
}

/// The Graphviz version the headers describe.
static inline const char *roundtrip_gv_header_version(void) { return PACKAGE_VERSION; }

#endif
