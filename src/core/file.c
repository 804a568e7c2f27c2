/*
 * core/file.c — whole-file reads with a limit and plain-language failures.
 */
#include "core/file.h"
#include "core/i18n.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

Status
file_atomic_save(Run *r, const char *target, const void *data, size_t n)
{
    AtomicFile af = {.fd = -1};
    Status st = file_atomic_open(r, target, &af);
    if (st == STATUS_OK) {
        /* A failed write (a full disk) is reported by the commit, which then
         * removes the temporary file: the target is untouched. */
        (void)file_atomic_write(&af, data, n);
        st = file_atomic_commit(r, &af);
    }
    file_atomic_abort(&af);
    return st;
}

int
file_write_stdout(const void *data, size_t n)
{
    errno = 0;
    if (fwrite(data, 1, n, stdout) == n && fflush(stdout) == 0)
        return 0;
    return errno ? errno : EIO;
}

void
file_format_size(char *buf, size_t bufsize, unsigned long long bytes)
{
    char num[32];
    if (bytes < 1000) {
        snprintf(buf, bufsize, ngettext("%llu byte", "%llu bytes", (unsigned long)bytes), bytes);
    } else if (bytes < 1000 * 1000) {
        i18n_decimal(num, sizeof num, (double)bytes / 1e3);
        /* TRANSLATORS: a size in kilobytes, "71.7 kB"; French: "71,7 ko" with a
         * no-break space. */
        snprintf(buf, bufsize, _("%s kB"), num);
    } else {
        i18n_decimal(num, sizeof num, (double)bytes / 1e6);
        snprintf(buf, bufsize, _("%s MB"), num);
    }
}

const char *
file_why(int err)
{
    switch (err) {
    case ENOENT:
        return _("it does not exist");
    case EACCES:
    case EPERM:
        return _("permission denied");
    case EISDIR:
        return _("it is a folder, not a file");
    case ENOTDIR:
        return _("a part of its path is not a folder");
    case ELOOP:
        return _("too many symbolic links");
    case ENAMETOOLONG:
        return _("its name is too long");
    case ENOSPC:
        return _("the disk is full");
    case EDQUOT:
        return _("the disk quota is used up");
    case EROFS:
        return _("the disk is read-only");
    case EIO:
        return _("the disk reported an input/output error");
    default:
        return strerror(err);
    }
}

int
file_inside(const char *real, const char *dir)
{
    size_t n = strlen(dir);
    if (n == 1 && dir[0] == '/')
        return real[0] == '/' && real[1] != '\0';
    return !strncmp(real, dir, n) && real[n] == '/';
}

int
file_real_folder(const char *path, char *out)
{
    char folder[PATH_MAX];
    const char *slash = strrchr(path, '/');
    size_t n = slash ? (size_t)(slash - path) : 0;
    if (n >= sizeof(folder))
        return errno = ENAMETOOLONG, -1;
    memcpy(folder, path, n);
    folder[n] = '\0';
    const char *f = !slash ? "." : n == 0 ? "/" : folder;
    return realpath(f, out) ? 0 : -1;
}

FileRef
file_resolve(const char *dir, const char *rel, char *real)
{
    if (rel[0] == '/')
        return FILE_REF_ABSOLUTE;
    /* "../x" climbs out as written, whatever is there. */
    int depth = 0;
    for (const char *p = rel; *p && depth >= 0;) {
        size_t k = strcspn(p, "/");
        if (k == 2 && p[0] == '.' && p[1] == '.')
            depth--;
        else if (k > 0 && !(k == 1 && p[0] == '.'))
            depth++;
        p += k + (p[k] == '/');
    }
    if (depth < 0) {
        real[0] = '\0';
        return FILE_REF_OUTSIDE;
    }
    char path[PATH_MAX];
    if ((size_t)snprintf(path, sizeof(path), "%s/%s", dir, rel) >= sizeof(path) ||
        !realpath(path, real))
        return FILE_REF_MISSING;
    return file_inside(real, dir) ? FILE_REF_INSIDE : FILE_REF_OUTSIDE;
}

int
file_load(const char *path, int flags, size_t limit, Arena *a, char **data, size_t *len)
{
    struct stat sb;
    char *buf = NULL;
    size_t got = 0;
    int err = 0;
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | flags);

    *data = NULL;
    *len = 0;
    if (fd < 0 || fstat(fd, &sb) != 0) {
        err = errno;
        goto out;
    }
    if (!S_ISREG(sb.st_mode)) {
        err = S_ISDIR(sb.st_mode) ? EISDIR : ENODEV;
        goto out;
    }
    if ((unsigned long long)sb.st_size > limit) {
        *len = (size_t)sb.st_size;
        err = EFBIG;
        goto out;
    }
    /* The file may grow between fstat and read: read at most one byte more
     * than it had, and take any difference as a change. */
    buf = arena_alloc(a, (size_t)sb.st_size + 2);
    if (!buf) {
        err = ENOMEM;
        goto out;
    }
    while (got <= (size_t)sb.st_size) {
        ssize_t n = read(fd, buf + got, (size_t)sb.st_size + 1 - got);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            err = errno;
            goto out;
        }
        if (n == 0)
            break;
        got += (size_t)n;
    }
    if (got != (size_t)sb.st_size) {
        err = EAGAIN;
        goto out;
    }
    buf[got] = '\0';
    *data = buf;
    *len = got;
out:
    if (fd >= 0)
        close(fd);
    return err;
}

Status
file_read_all(Run *r, const char *path, size_t limit, char **data, size_t *len)
{
    int err = file_load(path, 0, limit, &r->arena, data, len);
    char have[32], max[32];
    switch (err) {
    case 0:
        return STATUS_OK;
    case EFBIG:
        file_format_size(have, sizeof(have), (unsigned long long)*len);
        file_format_size(max, sizeof(max), limit);
        run_diag(r, DIAG_ERROR, 0, 0,
                 _("the file is too large (%s); copil reads files of up to %s"), have, max);
        *len = 0;
        return STATUS_INVALID;
    case EISDIR:
        run_diag(r, DIAG_ERROR, 0, 0, _("cannot read this file: it is a folder"));
        break;
    case ENODEV:
        run_diag(r, DIAG_ERROR, 0, 0,
                 _("cannot read this file: it is a device, pipe or socket, not a regular file"));
        break;
    case EAGAIN:
        run_diag(r, DIAG_ERROR, 0, 0, _("the file changed while it was being read; try again"));
        break;
    case ENOMEM:
        run_diag(r, DIAG_ERROR, 0, 0, _("out of memory while reading the file"));
        break;
    default:
        run_diag(r, DIAG_ERROR, 0, 0, _("cannot read this file: %s"), file_why(err));
    }
    return STATUS_IO;
}

/* The folder part of path ("." when none), in a. */
static char *
folder_of(Arena *a, const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return arena_strdup(a, ".");
    if (slash == path)
        return arena_strdup(a, "/");
    return arena_strndup(a, path, (size_t)(slash - path));
}

Status
file_atomic_open(Run *r, const char *target, AtomicFile *af)
{
    memset(af, 0, sizeof(*af));
    af->fd = -1;
    const char *slash = strrchr(target, '/');
    af->target = arena_strdup(&r->arena, target);
    af->folder = folder_of(&r->arena, target);
    af->temp =
        slash ? arena_printf(&r->arena, "%.*s/.%s.XXXXXX", (int)(slash - target), target, slash + 1)
              : arena_printf(&r->arena, ".%s.XXXXXX", target);
    if (!af->target || !af->folder || !af->temp)
        return STATUS_IO;
    /* Renaming over a folder, a device (as root, /dev/null itself) or a
     * pipe would replace it with the file. */
    struct stat sb;
    if (lstat(target, &sb) == 0 && !S_ISREG(sb.st_mode) && !S_ISLNK(sb.st_mode)) {
        run_diag(r, DIAG_ERROR, 0, 0,
                 S_ISDIR(sb.st_mode) ? _("%s is a folder, not a file: copil writes only to files")
                                     : _("%s is a device, pipe or socket, not a file: copil "
                                         "writes only to files"),
                 target);
        af->temp = NULL;
        return STATUS_USAGE;
    }
    /* A file without a name, given one only when complete: a process killed
     * while writing leaves nothing behind, not even a hidden partial file.
     * Linking it needs /proc; a file system without O_TMPFILE, or no /proc,
     * gets a named temporary file instead. */
    if (access("/proc/self/fd", X_OK) == 0) {
        af->fd = open(af->folder, O_TMPFILE | O_WRONLY | O_CLOEXEC, 0644);
        if (af->fd < 0 && errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL) {
            run_diag_at(r, DIAG_ERROR, target, 0, 0, _("cannot write here: %s"), file_why(errno));
            af->temp = NULL;
            return STATUS_IO;
        }
        af->unnamed = af->fd >= 0;
    }
    if (af->fd < 0 && (af->fd = mkstemp(af->temp)) < 0) {
        run_diag_at(r, DIAG_ERROR, target, 0, 0, _("cannot write here: %s"), file_why(errno));
        af->temp = NULL;
        return STATUS_IO;
    }
    fchmod(af->fd, 0644);
    return STATUS_OK;
}

int
file_atomic_write(AtomicFile *af, const void *data, size_t n)
{
    const char *p = data;
    while (n > 0 && !af->failed) {
        ssize_t k = write(af->fd, p, n);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0) {
            af->failed = errno ? errno : EIO;
            return -1;
        }
        p += k;
        n -= (size_t)k;
    }
    return af->failed ? -1 : 0;
}

/* Gives the unnamed file af->fd the name af->temp (its XXXXXX replaced by a
 * fresh suffix); 0 or an errno. */
static int
name_unnamed(AtomicFile *af)
{
    char proc[64];
    snprintf(proc, sizeof(proc), "/proc/self/fd/%d", af->fd);
    size_t n = strlen(af->temp);
    for (unsigned attempt = 0; attempt < 100; attempt++) {
        snprintf(af->temp + n - 6, 7, "%06u", (unsigned)(getpid() * 31u + attempt) % 1000000u);
        if (linkat(AT_FDCWD, proc, AT_FDCWD, af->temp, AT_SYMLINK_FOLLOW) == 0)
            return 0;
        if (errno != EEXIST)
            return errno;
    }
    return EEXIST;
}

Status
file_atomic_commit(Run *r, AtomicFile *af)
{
    int err = af->failed;
    if (!err && fsync(af->fd) != 0)
        err = errno;
    if (!err && af->unnamed) {
        err = name_unnamed(af);
        if (err)
            af->temp = NULL; /* nothing to remove: the file had no name */
    }
    if (close(af->fd) != 0 && !err)
        err = errno;
    af->fd = -1;
    if (!err && rename(af->temp, af->target) != 0)
        err = errno;
    if (err) {
        run_diag_at(r, DIAG_ERROR, af->target, 0, 0,
                    _("cannot write the file: %s; nothing was changed"), file_why(err));
        if (af->temp)
            unlink(af->temp);
        af->temp = NULL;
        return STATUS_IO;
    }
    af->temp = NULL;
    /* The new name itself reaches the disk with its folder. */
    int dir = open(af->folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir >= 0) {
        fsync(dir);
        close(dir);
    }
    return STATUS_OK;
}

void
file_atomic_abort(AtomicFile *af)
{
    if (af->fd >= 0)
        close(af->fd);
    af->fd = -1;
    if (af->temp && !af->unnamed)
        unlink(af->temp);
    af->temp = NULL;
}

int
file_make_dirs(const char *path)
{
    char buf[4096];
    size_t n = strlen(path);
    if (n == 0 || n >= sizeof buf)
        return errno = ENAMETOOLONG, -1;
    memcpy(buf, path, n + 1);
    for (char *p = buf + 1;; p++) {
        if (*p != '/' && *p)
            continue;
        char c = *p;
        *p = '\0';
        if (mkdir(buf, 0777) != 0 && errno != EEXIST)
            return -1;
        if (!(*p = c))
            break;
    }
    struct stat sb;
    return stat(path, &sb) == 0 && S_ISDIR(sb.st_mode) ? 0 : (errno = ENOTDIR, -1);
}
