/*
 * cli/help.c — the texts of `copil --help` and `copil help COMMAND`.
 *
 * Kept in one place so that the README and the tests can be checked against
 * them; they list only what the program really does.
 */
#include <string.h>

#include "cli/cli.h"
#include "core/i18n.h"

/* Printed after "copil VERSION — ". */
static const char general[] =
    N_("the documents of a school's digital steering committee\n"
       "(comité de pilotage du numérique): agenda, minutes, mission letter, activity report.\n"
       "\n"
       "Usage:\n"
       "  copil new KIND > FILE.xml     start a data file: a commented template to fill in,\n"
       "                                KIND agenda, minutes, mission-letter or activity-report\n"
       "  copil validate [-q] FILE...   check meeting, mission-letter and activity-report files\n"
       "  copil render FILE... [-o OUT.pdf | -d DIR] [--kind KIND] [--public] [--dump=pages]\n"
       "                                render a meeting (agenda or minutes), a mission\n"
       "                                letter, an activity report or a layout document\n"
       "  copil render [-j N] [--shard K/N] [-d OUTDIR] FILE|DIR...\n"
       "                                render many documents at once, in N workers\n"
       "  copil mail FILE [--kind KIND] [--eml DIR | --send --smtp URL]\n"
       "                                e-mail a document to its distribution list\n"
       "  copil serve [DIR | --documents] [--port N] [--open]\n"
       "                                the data files of a folder in the browser\n"
       "  copil dashboard [--schools LIST.csv] [-o OUT.pdf] [--csv DIR] DIR...\n"
       "                                the académie's figures from its schools' files\n"
       "  copil help [COMMAND]          show this help, or a command's\n"
       "  copil --version               show the version\n"
       "\n"
       "Exit status: 0 done; 1 a file has problems (each printed as file:line:col: error:\n"
       "message); 2 the command line is wrong; 3 a file cannot be read or written, or an\n"
       "internal failure.\n"
       "\n"
       "Data: schemas, stylesheets and fonts are read from $COPIL_DATADIR when set, else\n"
       "from the source tree or the installed share/copil folder.\n"
       "\n"
       "Language: copil speaks French when LANG (or LC_MESSAGES, LC_ALL) is fr_FR.UTF-8,\n"
       "English with LANG=C. See also man copil and man 5 copil-data.\n");

static const char validate_help[] =
    N_("Usage: copil validate [-q] FILE...\n"
       "\n"
       "Checks each FILE against the schema of its kind, found from its root element:\n"
       "<meeting>, <mission-letter> or <activity-report>, in the namespace urn:copil:data.\n"
       "Every problem of every file is printed as\n"
       "  file:line:col: error: message\n"
       "then the rules a schema cannot express are checked (time shares add up to 100,\n"
       "attendance once a meeting has a record, the co-signatories of a mission letter…).\n"
       "Files are read safely: no network, no DTD, no entities, no XInclude, at most 8 MB.\n"
       "\n"
       "Options:\n"
       "  -q, --quiet   print only the problems, not a line for each valid file\n"
       "\n"
       "Exit status: 0 all files valid; 1 a file has problems; 2 usage; 3 a file cannot be\n"
       "read.\n");

static const char render_help[] =
    N_("Usage: copil render FILE [-o OUT.pdf | -d DIR] [--kind KIND] [--public]\n"
       "                    [--dump=pages|--dump=areas]\n"
       "       copil render FILE|DIR... [-d OUTDIR] [-j N] [--shard K/N] [-q] [--kind KIND]\n"
       "                    [--public]\n"
       "\n"
       "Renders each FILE to PDF. A data file goes through its stylesheet in\n"
       "stylesheets/: a meeting without a record gives its agenda, with a record its\n"
       "minutes (--kind agenda|minutes chooses); a mission letter and an activity\n"
       "report give themselves. Files the data names (the previous meeting, the\n"
       "year's meetings) are read only inside the input's folder and checked like any\n"
       "input. A layout document (<document xmlns=\"urn:copil:layout\">, see\n"
       "schemas/layout.xsd) is rendered as it is. The engine applies French\n"
       "typography and hyphenation, repeats table header rows, keeps signature blocks\n"
       "whole, tags the PDF for accessibility and adds links and an outline. Each\n"
       "signature block becomes an empty signature field that Okular, Acrobat or\n"
       "pdfsig can sign; copil refuses to overwrite a PDF that has been signed.\n"
       "\n"
       "Options:\n"
       "  -o, --output OUT.pdf   where to write (one input only); default: beside the\n"
       "                         input, NAME-KIND.pdf (NAME.pdf for a layout document,\n"
       "                         or when NAME ends in -KIND already: x-agenda.pdf)\n"
       "                         -o - writes the PDF on standard output\n"
       "  --kind KIND            agenda or minutes, for a meeting\n"
       "  -d, --dir DIR          write each PDF into DIR instead (made when missing)\n"
       "  --public               the copy for parents, pupils and partners (RGPD):\n"
       "                         people's e-mail addresses and phone numbers become\n"
       "                         [courriel retiré] / [téléphone retiré], mailto: links\n"
       "                         plain text, and there are no signature fields; the\n"
       "                         establishment's own contact (public=\"keep\") stays.\n"
       "                         Written as NAME-KIND-public.pdf by default. A mission\n"
       "                         letter or an activity report, personal to one\n"
       "                         employee, has none: refused\n"
       "  --dump=pages           print where every line and box landed, page by page\n"
       "                         (no PDF unless -o is given too)\n"
       "  --dump=areas           print, page by page, the rectangles the header, the\n"
       "                         body and the footer may print in (points: x0,y0,x1,y1\n"
       "                         from the top-left corner)\n"
       "\n"
       "Many documents (several FILEs, or a DIR: every *.xml data file under it, whose\n"
       "PDF goes to the same place under OUTDIR, or beside it without -d):\n"
       "  -j, --jobs N           render in N worker processes (default: one per core);\n"
       "                         schemas, stylesheets, fonts and hyphenation are loaded\n"
       "                         once, before the workers start\n"
       "  --shard K/N            render only the K-th of N slices of the inputs (sorted\n"
       "                         by name, taken in turn), so that N machines or jobs\n"
       "                         share a batch: together the N slices are every input\n"
       "                         once\n"
       "  -q, --quiet            no progress line, no summary unless a file failed\n"
       "On a terminal a progress line shows how many are done, failed, and the time\n"
       "left; otherwise only the summary is printed. A file that fails does not stop\n"
       "the others: the summary lists each failure with its first error.\n"
       "\n"
       "The PDF is written under a temporary name and renamed when complete: a failed\n"
       "run leaves no PDF and an existing one untouched. Its creation date is the\n"
       "document's (created=\"…\"), else $SOURCE_DATE_EPOCH, else none; the same input\n"
       "gives the same bytes. Fonts come from the fonts/ folder only.\n"
       "\n"
       "Exit status: 0 written; 1 the document has problems (in a batch: any document\n"
       "failed); 2 usage; 3 a file cannot be read or written.\n");

static const char new_help[] =
    N_("Usage: copil new KIND > FILE.xml\n"
       "\n"
       "Prints a data file to fill in, with notes in French on what to write in each\n"
       "part. KIND is one of\n"
       "  agenda            a meeting before it takes place: its convocation and agenda\n"
       "  minutes           a meeting with its record: attendance, decisions, actions,\n"
       "                    objectives, next meeting, distribution\n"
       "  mission-letter    a coordinator's or technician's lettre de mission\n"
       "  activity-report   the coordinator's year-end rapport d'activité\n"
       "Every value to fill in is written [[NAME]], e.g. [[DATE_REUNION]]. Until the\n"
       "dates, times, codes and numbers are filled in, the file does not validate, so\n"
       "a document cannot go out with a blank in it; then\n"
       "  copil validate FILE.xml && copil render FILE.xml\n"
       "\n"
       "The templates are stylesheets/templates/KIND.xml in the data folder: like the\n"
       "stylesheets, a school or an académie can reword them.\n"
       "\n"
       "Exit status: 0 printed; 2 usage (no KIND, or an unknown one); 3 the template\n"
       "cannot be read, or standard output cannot be written.\n");

static const char mail_help[] =
    N_("Usage: copil mail FILE [--kind KIND] [--from ADDRESS] [-q]\n"
       "       copil mail FILE --eml DIR\n"
       "       copil mail FILE --send --smtp smtp://HOST:PORT [--user NAME] [--cacert FILE]\n"
       "\n"
       "Sends the document a data file makes to the people its data names: the\n"
       "minutes to each group of the record's <distribution>, the agenda to the\n"
       "members, a mission letter to the appointee and its <distribution>, an\n"
       "activity report to its <distribution>. One message per group, worded by\n"
       "stylesheets/mail/KIND.txt, with the PDF that copil render writes beside FILE\n"
       "(taken as it is when signed or newer than the data, else rendered again).\n"
       "\n"
       "RGPD: participants, members and the académie (kind academie) get the full\n"
       "copy; every wider group (personnels, parents, eleves, partenaires…) gets the\n"
       "public copy, without people's e-mail addresses and phone numbers; a group's\n"
       "visibility=\"complet\" or \"public\" says otherwise. A group's addresses are\n"
       "hidden from one another (Bcc) unless it says bcc=\"false\".\n"
       "\n"
       "Without --eml or --send, only the plan is printed: who gets which file.\n"
       "  --kind KIND      agenda or minutes, for a meeting (default: minutes once the\n"
       "                   record is filled in, else the agenda)\n"
       "  --from ADDRESS   the sender, one address alone (default: the establishment's\n"
       "                   <email>)\n"
       "  --eml DIR        write one .eml file per message, to open in a mail client\n"
       "                   (Thunderbird, Outlook) and send from there\n"
       "  --send           send through the server of --smtp: smtp:// with STARTTLS,\n"
       "                   or smtps://; copil never sends in clear\n"
       "  --user NAME      the server's user name (else $COPIL_SMTP_USER or ~/.netrc)\n"
       "  --cacert FILE    trust this certificate authority (PEM) for the server\n"
       "  -q, --quiet      print only the summary and the problems\n"
       "The password is read from $COPIL_SMTP_PASSWORD or ~/.netrc, never from the\n"
       "command line. Each message the server accepts is recorded in FILE-KIND-mail.log\n"
       "beside the PDF: after a failure, the same command sends only what is missing.\n"
       "\n"
       "Exit status: 0 done; 1 the file has problems, or the server refused an address;\n"
       "2 usage; 3 a file cannot be read or written, or the server cannot be reached,\n"
       "went away, or refused the login.\n");

static const char serve_help[] =
    N_("Usage: copil serve [DIR | --documents] [--port N] [--open]\n"
       "\n"
       "Shows the data files of DIR (the current folder by default) in a web browser:\n"
       "each file's state (valid, or its problems with their lines, as copil validate\n"
       "says them; its PDF up to date, signed, sent), a form to change it (each problem\n"
       "beside its field; saving writes only the values changed, and refuses when the\n"
       "file changed on the disk meanwhile), and its documents to see and to download,\n"
       "the full copy and a meeting's public copy, made from the file as it is on the\n"
       "disk.\n"
       "\n"
       "The first line printed is the address to open, with its key:\n"
       "  http://127.0.0.1:PORT/?token=…\n"
       "Only this computer can reach the server (127.0.0.1), and only with that key,\n"
       "which the browser then keeps; a new key is made at each start. Stop the\n"
       "server with Ctrl+C.\n"
       "\n"
       "Options:\n"
       "  --documents  serve copil/ in the user's documents folder (made if missing),\n"
       "               as the desktop launcher does\n"
       "  --port N     listen on port N (by default, one the system chooses)\n"
       "  --open       open the address in the default browser (xdg-open)\n"
       "\n"
       "Each document is made by copil render in a process of its own, stopped after\n"
       "90 seconds or 1 GB of memory; a file that fails shows its reason in the page.\n");

static const char dashboard_help[] =
    N_("Usage: copil dashboard [--year YYYY-YYYY] [--schools LIST.csv] [-o FILE.pdf]\n"
       "                       [--csv DIR] [-j N] [-q] DIR|FILE...\n"
       "       copil dashboard --shard K/N --partial OUT.part DIR|FILE...\n"
       "       copil dashboard --merge [--year ...] [--schools ...] [-o ...] [--csv ...] PART...\n"
       "\n"
       "The académie's view of its schools' committees, computed from the data files\n"
       "they keep (every *.xml under the folders, one folder per school or all mixed:\n"
       "schools are told apart by their UAI): whether each committee met during the\n"
       "year and how often, who sat on it, what it discussed, whether its coordinator\n"
       "has a mission letter and wrote an activity report, the trainings and support\n"
       "the reports count, and what became of decisions, actions and objectives. Each\n"
       "file is validated first; one that is not valid is counted apart, never\n"
       "silently. Only figures and schools' UAI and names come out, never a person's\n"
       "name.\n"
       "\n"
       "Options:\n"
       "  --year Y          the school year counted (default: the latest in the files)\n"
       "  --schools LIST    the académie's schools (CSV with the columns uai, name and\n"
       "                    kind): the denominator of every share, those that sent\n"
       "                    nothing included; without it, the schools seen in the files\n"
       "  -o FILE.pdf       write the dashboard as a PDF: the essentials, a section per\n"
       "                    theme with its charts and tables, the annexes (the schools\n"
       "                    that sent nothing, the files not usable)\n"
       "  --csv DIR         write DIR/etablissements.csv (a row per school) and\n"
       "                    DIR/synthese.csv (each figure with its numerator and\n"
       "                    denominator); without -o or --csv, only the summary is\n"
       "                    printed\n"
       "  -j N              read the files in N processes\n"
       "  --shard K/N       read only the K-th of N slices of the files (sorted), and\n"
       "  --partial FILE    write their figures to FILE, to merge later\n"
       "  --merge           the arguments are partials: merge them (the same figures,\n"
       "                    and bytes, as one run over all the files)\n"
       "  -q, --quiet       print only the problems\n");

int
cli_help(FILE *fp, const char *name)
{
    if (!name || !strcmp(name, "help")) {
        fprintf(fp, "copil %s — ", COPIL_VERSION);
        fputs(_(general), fp);
        return 0;
    }
    if (!strcmp(name, "validate")) {
        fputs(_(validate_help), fp);
        return 0;
    }
    if (!strcmp(name, "render")) {
        fputs(_(render_help), fp);
        return 0;
    }
    if (!strcmp(name, "new")) {
        fputs(_(new_help), fp);
        return 0;
    }
    if (!strcmp(name, "mail")) {
        fputs(_(mail_help), fp);
        return 0;
    }
    if (!strcmp(name, "serve")) {
        fputs(_(serve_help), fp);
        return 0;
    }
    if (!strcmp(name, "dashboard")) {
        fputs(_(dashboard_help), fp);
        return 0;
    }
    fprintf(stderr, _("copil: error: there is no command \"%s\"; see copil --help\n"), name);
    return STATUS_USAGE;
}
