/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "tpt-document.h"

#include "test-utils.h"

/* The undo history, driven through a real document and checked after every
 * command against a table, in the manner of GTK's testsuite/gtk/texthistory.c.
 *
 * Each row does one thing and then states what the history and the document
 * must look like, and which signals the history must have emitted while the
 * row ran: its GListModel's items-changed, in order, and the properties it
 * notified, sorted. */

typedef enum
{
  BEGIN,        /* open a transaction labelled @label */
  BEGIN_MERGE,  /* open a typing transaction labelled @label */
  END,
  CANCEL,
  SET,          /* set @field ("title" or "author") of the document to @value */
  EDIT,         /* BEGIN @label, SET, END */
  TYPE,         /* BEGIN_MERGE @label, SET, END */
  OUTSIDE,      /* SET outside any transaction: a critical, and nothing changes */
  INSERT,       /* add a need titled @field at @n (its own "Add Need" step) */
  REMOVE,       /* delete the need at @n (its own "Delete Need" step) */
  UNDO,
  REDO,
  JUMP,         /* jump to position @n */
  SAVED,
  BREAK,
  MAX,          /* set the maximum number of entries to @n */
  CLEAR,
} Op;

typedef struct
{
  Op          op;
  const char *label;
  const char *field;
  const char *value;
  guint       n;
  const char *state;
  const char *events;   /* NULL: not checked */
} Command;

#define DO_BEGIN(l)        BEGIN, l, NULL, NULL, 0
#define DO_BEGIN_MERGE(l)  BEGIN_MERGE, l, NULL, NULL, 0
#define DO_END             END, NULL, NULL, NULL, 0
#define DO_CANCEL          CANCEL, NULL, NULL, NULL, 0
#define DO_SET(f, v)       SET, NULL, f, v, 0
#define DO_EDIT(l, f, v)   EDIT, l, f, v, 0
#define DO_TYPE(l, f, v)   TYPE, l, f, v, 0
#define DO_OUTSIDE(f, v)   OUTSIDE, NULL, f, v, 0
#define DO_INSERT(t, p)    INSERT, NULL, t, NULL, p
#define DO_REMOVE(p)       REMOVE, NULL, NULL, NULL, p
#define DO_UNDO            UNDO, NULL, NULL, NULL, 0
#define DO_REDO            REDO, NULL, NULL, NULL, 0
#define DO_JUMP(p)         JUMP, NULL, NULL, NULL, p
#define DO_SAVED           SAVED, NULL, NULL, NULL, 0
#define DO_BREAK           BREAK, NULL, NULL, NULL, 0
#define DO_MAX(m)          MAX, NULL, NULL, NULL, m
#define DO_CLEAR           CLEAR, NULL, NULL, NULL, 0

/* Notifications that come with the first entry, and with going back to an
 * empty undo side or forward from it. */
#define FIRST_ENTRY "items(0,0,1) notify(can-undo,modified,position,undo-label)"

typedef struct
{
  const char    *name;
  const Command *commands;
  guint          n_commands;
} Sequence;

/* Basics: entries, undo, redo, labels, the save point. */
static const Command basics[] = {
  { DO_EDIT ("Rename", "title", "A"),
    "can-undo modified pos=1 entries=Rename undo=Rename redo= | title=A author= needs=",
    FIRST_ENTRY },
  { DO_EDIT ("Credit", "author", "B"),
    "can-undo modified pos=2 entries=Rename|Credit undo=Credit redo= | title=A author=B needs=",
    "items(1,0,1) notify(position,undo-label)" },
  { DO_UNDO,
    "can-undo can-redo modified pos=1 entries=Rename|Credit undo=Rename redo=Credit | "
    "title=A author= needs=",
    "notify(can-redo,position,redo-label,undo-label)" },
  { DO_UNDO,
    "can-redo pos=0 entries=Rename|Credit undo= redo=Rename | title= author= needs=",
    "notify(can-undo,modified,position,redo-label,undo-label)" },
  { DO_UNDO,
    "can-redo pos=0 entries=Rename|Credit undo= redo=Rename | title= author= needs=",
    "" },
  { DO_REDO,
    "can-undo can-redo modified pos=1 entries=Rename|Credit undo=Rename redo=Credit | "
    "title=A author= needs=",
    "notify(can-undo,modified,position,redo-label,undo-label)" },
  { DO_REDO,
    "can-undo modified pos=2 entries=Rename|Credit undo=Credit redo= | title=A author=B needs=",
    "notify(can-redo,position,redo-label,undo-label)" },
  { DO_REDO,
    "can-undo modified pos=2 entries=Rename|Credit undo=Credit redo= | title=A author=B needs=",
    "" },
  { DO_SAVED,
    "can-undo pos=2 entries=Rename|Credit undo=Credit redo= | title=A author=B needs=",
    "notify(modified)" },
  { DO_SAVED,
    "can-undo pos=2 entries=Rename|Credit undo=Credit redo= | title=A author=B needs=",
    "" },
  { DO_UNDO,
    "can-undo can-redo modified pos=1 entries=Rename|Credit undo=Rename redo=Credit | "
    "title=A author= needs=",
    "notify(can-redo,modified,position,redo-label,undo-label)" },
  { DO_REDO,
    "can-undo pos=2 entries=Rename|Credit undo=Credit redo= | title=A author=B needs=",
    "notify(can-redo,modified,position,redo-label,undo-label)" },
  /* An edit that changes nothing records nothing. */
  { DO_EDIT ("Rename", "title", "A"),
    "can-undo pos=2 entries=Rename|Credit undo=Credit redo= | title=A author=B needs=",
    "" },
};

/* Nested transactions fold into the outermost, under its label. */
static const Command nesting[] = {
  { DO_BEGIN ("Outer"),
    "open pos=0 entries= undo= redo= | title= author= needs=", "" },
  { DO_BEGIN ("Inner"),
    "open pos=0 entries= undo= redo= | title= author= needs=", "" },
  { DO_SET ("title", "A"),
    "open pos=0 entries= undo= redo= | title=A author= needs=", "" },
  { DO_END,
    "open pos=0 entries= undo= redo= | title=A author= needs=", "" },
  { DO_INSERT ("x", 0),
    "open pos=0 entries= undo= redo= | title=A author= needs=x", "" },
  { DO_SET ("author", "B"),
    "open pos=0 entries= undo= redo= | title=A author=B needs=x", "" },
  { DO_END,
    "can-undo modified pos=1 entries=Outer undo=Outer redo= | title=A author=B needs=x",
    FIRST_ENTRY },
  { DO_UNDO,
    "can-redo pos=0 entries=Outer undo= redo=Outer | title= author= needs=",
    "notify(can-redo,can-undo,modified,position,redo-label,undo-label)" },
  { DO_REDO,
    "can-undo modified pos=1 entries=Outer undo=Outer redo= | title=A author=B needs=x",
    "notify(can-redo,can-undo,modified,position,redo-label,undo-label)" },
  /* Alone, an operation is its own step with its own label. */
  { DO_INSERT ("y", 1),
    "can-undo modified pos=2 entries=Outer|Add Need undo=Add Need redo= | "
    "title=A author=B needs=x,y",
    "items(1,0,1) notify(position,undo-label)" },
  { DO_REMOVE (0),
    "can-undo modified pos=3 entries=Outer|Add Need|Delete Need undo=Delete Need redo= | "
    "title=A author=B needs=y",
    "items(2,0,1) notify(position,undo-label)" },
  { DO_UNDO,
    "can-undo can-redo modified pos=2 entries=Outer|Add Need|Delete Need undo=Add Need "
    "redo=Delete Need | title=A author=B needs=x,y",
    "notify(can-redo,position,redo-label,undo-label)" },
};

/* Transactions that record nothing leave no entry and emit nothing. */
static const Command empty[] = {
  { DO_BEGIN ("Nothing"), "open pos=0 entries= undo= redo= | title= author= needs=", "" },
  { DO_END, "pos=0 entries= undo= redo= | title= author= needs=", "" },
  { DO_BEGIN ("Outer"), "open pos=0 entries= undo= redo= | title= author= needs=", "" },
  { DO_BEGIN ("Inner"), "open pos=0 entries= undo= redo= | title= author= needs=", "" },
  { DO_END, "open pos=0 entries= undo= redo= | title= author= needs=", "" },
  { DO_END, "pos=0 entries= undo= redo= | title= author= needs=", "" },
  /* "" and unset are one value. */
  { DO_EDIT ("Rename", "title", ""), "pos=0 entries= undo= redo= | title= author= needs=", "" },
  { DO_EDIT ("Rename", "title", "A"),
    "can-undo modified pos=1 entries=Rename undo=Rename redo= | title=A author= needs=",
    FIRST_ENTRY },
  { DO_UNDO, "can-redo pos=0 entries=Rename undo= redo=Rename | title= author= needs=", NULL },
  /* An empty transaction does not drop the redo tail. */
  { DO_BEGIN ("Nothing"),
    "can-redo open pos=0 entries=Rename undo= redo=Rename | title= author= needs=", "" },
  { DO_END, "can-redo pos=0 entries=Rename undo= redo=Rename | title= author= needs=", "" },
};

/* Typing in one field merges into one entry, but not across the save point,
 * an undo or redo, a break, another field, another label, or a transaction
 * that is not typing. */
static const Command merging[] = {
  { DO_TYPE ("Typing", "title", "H"),
    "can-undo modified pos=1 entries=Typing undo=Typing redo= | title=H author= needs=",
    FIRST_ENTRY },
  { DO_TYPE ("Typing", "title", "He"),
    "can-undo modified pos=1 entries=Typing undo=Typing redo= | title=He author= needs=", "" },
  { DO_TYPE ("Typing", "title", "Hel"),
    "can-undo modified pos=1 entries=Typing undo=Typing redo= | title=Hel author= needs=", "" },
  /* Undo and redo take and give all the typing at once. */
  { DO_UNDO,
    "can-redo pos=0 entries=Typing undo= redo=Typing | title= author= needs=",
    "notify(can-redo,can-undo,modified,position,redo-label,undo-label)" },
  { DO_REDO,
    "can-undo modified pos=1 entries=Typing undo=Typing redo= | title=Hel author= needs=",
    "notify(can-redo,can-undo,modified,position,redo-label,undo-label)" },
  { DO_UNDO,
    "can-redo pos=0 entries=Typing undo= redo=Typing | title= author= needs=",
    "notify(can-redo,can-undo,modified,position,redo-label,undo-label)" },
  /* A new edit drops the redo tail, in its own items-changed. */
  { DO_TYPE ("Typing", "title", "X"),
    "can-undo modified pos=1 entries=Typing undo=Typing redo= | title=X author= needs=",
    "items(0,1,0) items(0,0,1) notify(can-redo,can-undo,modified,position,redo-label,undo-label)" },
  { DO_TYPE ("Typing", "title", "XY"),
    "can-undo modified pos=1 entries=Typing undo=Typing redo= | title=XY author= needs=", "" },
  /* Another field. */
  { DO_TYPE ("Typing", "author", "Z"),
    "can-undo modified pos=2 entries=Typing|Typing undo=Typing redo= | title=XY author=Z needs=",
    "items(1,0,1) notify(position,undo-label)" },
  { DO_TYPE ("Typing", "author", "ZZ"),
    "can-undo modified pos=2 entries=Typing|Typing undo=Typing redo= | "
    "title=XY author=ZZ needs=", "" },
  /* Not after an undo, though the entry before is typing in that field. */
  { DO_UNDO,
    "can-undo can-redo modified pos=1 entries=Typing|Typing undo=Typing redo=Typing | "
    "title=XY author= needs=",
    "notify(can-redo,position,redo-label,undo-label)" },
  { DO_TYPE ("Typing", "title", "XYZ"),
    "can-undo modified pos=2 entries=Typing|Typing undo=Typing redo= | "
    "title=XYZ author= needs=",
    "items(1,1,0) items(1,0,1) notify(can-redo,position,redo-label,undo-label)" },
  /* Another label. */
  { DO_TYPE ("Retitle", "title", "XYZW"),
    "can-undo modified pos=3 entries=Typing|Typing|Retitle undo=Retitle redo= | "
    "title=XYZW author= needs=",
    "items(2,0,1) notify(position,undo-label)" },
  /* A break. */
  { DO_BREAK,
    "can-undo modified pos=3 entries=Typing|Typing|Retitle undo=Retitle redo= | "
    "title=XYZW author= needs=", "" },
  { DO_TYPE ("Retitle", "title", "1"),
    "can-undo modified pos=4 entries=Typing|Typing|Retitle|Retitle undo=Retitle redo= | "
    "title=1 author= needs=",
    "items(3,0,1) notify(position,undo-label)" },
  /* The save point. */
  { DO_SAVED,
    "can-undo pos=4 entries=Typing|Typing|Retitle|Retitle undo=Retitle redo= | "
    "title=1 author= needs=",
    "notify(modified)" },
  { DO_TYPE ("Retitle", "title", "12"),
    "can-undo modified pos=5 entries=Typing|Typing|Retitle|Retitle|Retitle undo=Retitle redo= | "
    "title=12 author= needs=",
    "items(4,0,1) notify(modified,position,undo-label)" },
  /* ... which undo gets back to, clean. */
  { DO_UNDO,
    "can-undo can-redo pos=4 entries=Typing|Typing|Retitle|Retitle|Retitle undo=Retitle "
    "redo=Retitle | title=1 author= needs=",
    "notify(can-redo,modified,position,redo-label,undo-label)" },
  /* Not after a redo. */
  { DO_REDO,
    "can-undo modified pos=5 entries=Typing|Typing|Retitle|Retitle|Retitle undo=Retitle redo= | "
    "title=12 author= needs=",
    "notify(can-redo,modified,position,redo-label,undo-label)" },
  { DO_TYPE ("Retitle", "title", "123"),
    "can-undo modified pos=6 entries=Typing|Typing|Retitle|Retitle|Retitle|Retitle "
    "undo=Retitle redo= | title=123 author= needs=",
    "items(5,0,1) notify(position,undo-label)" },
  /* Not into or from a transaction that is not typing. */
  { DO_EDIT ("Retitle", "title", "1234"),
    "can-undo modified pos=7 entries=Typing|Typing|Retitle|Retitle|Retitle|Retitle|Retitle "
    "undo=Retitle redo= | title=1234 author= needs=",
    "items(6,0,1) notify(position,undo-label)" },
  { DO_TYPE ("Retitle", "title", "12345"),
    "can-undo modified pos=8 entries=Typing|Typing|Retitle|Retitle|Retitle|Retitle|Retitle|"
    "Retitle undo=Retitle redo= | title=12345 author= needs=",
    "items(7,0,1) notify(position,undo-label)" },
  /* Not a typing transaction of two changes. */
  { DO_BEGIN_MERGE ("Retitle"), NULL, "" },
  { DO_SET ("title", "123456"), NULL, "" },
  { DO_SET ("author", "A"), NULL, "" },
  { DO_END,
    "can-undo modified pos=9 entries=Typing|Typing|Retitle|Retitle|Retitle|Retitle|Retitle|"
    "Retitle|Retitle undo=Retitle redo= | title=123456 author=A needs=",
    "items(8,0,1) notify(position,undo-label)" },
  { DO_TYPE ("Retitle", "title", "1234567"),
    "can-undo modified pos=10 entries=Typing|Typing|Retitle|Retitle|Retitle|Retitle|Retitle|"
    "Retitle|Retitle|Retitle undo=Retitle redo= | title=1234567 author=A needs=",
    "items(9,0,1) notify(position,undo-label)" },
  /* Undoing a merged entry undoes all the typing in it. */
  { DO_JUMP (1),
    "can-undo can-redo modified pos=1 entries=Typing|Typing|Retitle|Retitle|Retitle|Retitle|"
    "Retitle|Retitle|Retitle|Retitle undo=Typing redo=Typing | title=XY author= needs=",
    NULL },
  { DO_UNDO,
    "can-redo modified pos=0 entries=Typing|Typing|Retitle|Retitle|Retitle|Retitle|"
    "Retitle|Retitle|Retitle|Retitle undo= redo=Typing | title= author= needs=",
    NULL },
};

/* An edit after undo drops the redo tail; a save point in it is gone for
 * good, so the document stays modified wherever it goes. */
static const Command unreachable_save[] = {
  { DO_EDIT ("One", "title", "1"), NULL, FIRST_ENTRY },
  { DO_EDIT ("Two", "title", "2"), NULL, "items(1,0,1) notify(position,undo-label)" },
  { DO_SAVED, "can-undo pos=2 entries=One|Two undo=Two redo= | title=2 author= needs=",
    "notify(modified)" },
  { DO_UNDO, NULL, NULL },
  { DO_UNDO,
    "can-redo modified pos=0 entries=One|Two undo= redo=One | title= author= needs=",
    "notify(can-undo,position,redo-label,undo-label)" },
  { DO_EDIT ("Three", "author", "x"),
    "can-undo modified pos=1 entries=Three undo=Three redo= | title= author=x needs=",
    "items(0,2,0) items(0,0,1) notify(can-redo,can-undo,position,redo-label,undo-label)" },
  { DO_UNDO,
    "can-redo modified pos=0 entries=Three undo= redo=Three | title= author= needs=",
    "notify(can-redo,can-undo,position,redo-label,undo-label)" },
  { DO_REDO,
    "can-undo modified pos=1 entries=Three undo=Three redo= | title= author=x needs=",
    "notify(can-redo,can-undo,position,redo-label,undo-label)" },
  /* Back at the position that was saved, but not at the saved state. */
  { DO_EDIT ("Four", "title", "4"),
    "can-undo modified pos=2 entries=Three|Four undo=Four redo= | title=4 author=x needs=",
    "items(1,0,1) notify(position,undo-label)" },
};

/* A save point before the dropped tail stays reachable. */
static const Command clean_after_undo[] = {
  { DO_EDIT ("One", "title", "1"), NULL, NULL },
  { DO_SAVED, "can-undo pos=1 entries=One undo=One redo= | title=1 author= needs=", NULL },
  { DO_EDIT ("Two", "title", "2"),
    "can-undo modified pos=2 entries=One|Two undo=Two redo= | title=2 author= needs=",
    "items(1,0,1) notify(modified,position,undo-label)" },
  { DO_UNDO,
    "can-undo can-redo pos=1 entries=One|Two undo=One redo=Two | title=1 author= needs=",
    "notify(can-redo,modified,position,redo-label,undo-label)" },
  { DO_EDIT ("Three", "title", "3"),
    "can-undo modified pos=2 entries=One|Three undo=Three redo= | title=3 author= needs=",
    "items(1,1,0) items(1,0,1) notify(can-redo,modified,position,redo-label,undo-label)" },
  { DO_UNDO,
    "can-undo can-redo pos=1 entries=One|Three undo=One redo=Three | title=1 author= needs=",
    "notify(can-redo,modified,position,redo-label,undo-label)" },
  { DO_UNDO,
    "can-redo modified pos=0 entries=One|Three undo= redo=One | title= author= needs=",
    "notify(can-undo,modified,position,redo-label,undo-label)" },
};

/* The history keeps at most max-entries, dropping the oldest and moving
 * the save point with them, or losing it when it falls off. */
static const Command bounded[] = {
  { DO_MAX (3), "pos=0 entries= undo= redo= | title= author= needs=", "notify(max-entries)" },
  { DO_MAX (3), "pos=0 entries= undo= redo= | title= author= needs=", "" },
  { DO_EDIT ("A", "title", "1"), NULL, FIRST_ENTRY },
  { DO_SAVED, "can-undo pos=1 entries=A undo=A redo= | title=1 author= needs=", NULL },
  { DO_EDIT ("B", "title", "2"), NULL, NULL },
  { DO_EDIT ("C", "title", "3"),
    "can-undo modified pos=3 entries=A|B|C undo=C redo= | title=3 author= needs=",
    "items(2,0,1) notify(position,undo-label)" },
  { DO_EDIT ("D", "title", "4"),
    "can-undo modified pos=3 entries=B|C|D undo=D redo= | title=4 author= needs=",
    "items(3,0,1) items(0,1,0) notify(undo-label)" },
  /* The save point moved with the entries: the state after A is now 0. */
  { DO_JUMP (0),
    "can-redo pos=0 entries=B|C|D undo= redo=B | title=1 author= needs=",
    "notify(can-redo,can-undo,modified,position,redo-label,undo-label)" },
  { DO_JUMP (3),
    "can-undo modified pos=3 entries=B|C|D undo=D redo= | title=4 author= needs=",
    "notify(can-redo,can-undo,modified,position,redo-label,undo-label)" },
  { DO_EDIT ("E", "title", "5"),
    "can-undo modified pos=3 entries=C|D|E undo=E redo= | title=5 author= needs=",
    "items(3,0,1) items(0,1,0) notify(undo-label)" },
  /* Now it fell off: nothing is clean any more. */
  { DO_JUMP (0),
    "can-redo modified pos=0 entries=C|D|E undo= redo=C | title=2 author= needs=",
    "notify(can-redo,can-undo,position,redo-label,undo-label)" },
  { DO_JUMP (1),
    "can-undo can-redo modified pos=1 entries=C|D|E undo=C redo=D | title=3 author= needs=",
    "notify(can-undo,position,redo-label,undo-label)" },
  /* Shrinking drops only undo entries, never the redo tail. */
  { DO_MAX (1),
    "can-redo modified pos=0 entries=D|E undo= redo=D | title=3 author= needs=",
    "items(0,1,0) notify(can-undo,max-entries,position,undo-label)" },
  { DO_REDO,
    "can-undo can-redo modified pos=1 entries=D|E undo=D redo=E | title=4 author= needs=",
    NULL },
  { DO_EDIT ("F", "title", "6"),
    "can-undo modified pos=1 entries=F undo=F redo= | title=6 author= needs=",
    "items(1,1,0) items(1,0,1) items(0,1,0) notify(can-redo,redo-label,undo-label)" },
  { DO_UNDO,
    "can-redo modified pos=0 entries=F undo= redo=F | title=4 author= needs=", NULL },
  { DO_MAX (1000), NULL, "notify(max-entries)" },
};

/* Jumping undoes or redoes as many entries as it takes, in one go. */
static const Command jumping[] = {
  { DO_EDIT ("A", "title", "1"), NULL, NULL },
  { DO_INSERT ("x", 0), NULL, NULL },
  { DO_EDIT ("C", "title", "3"), NULL, NULL },
  { DO_EDIT ("D", "author", "4"),
    "can-undo modified pos=4 entries=A|Add Need|C|D undo=D redo= | title=3 author=4 needs=x",
    NULL },
  { DO_JUMP (1),
    "can-undo can-redo modified pos=1 entries=A|Add Need|C|D undo=A redo=Add Need | "
    "title=1 author= needs=",
    "notify(can-redo,position,redo-label,undo-label)" },
  { DO_JUMP (1),
    "can-undo can-redo modified pos=1 entries=A|Add Need|C|D undo=A redo=Add Need | "
    "title=1 author= needs=",
    "" },
  { DO_JUMP (3),
    "can-undo can-redo modified pos=3 entries=A|Add Need|C|D undo=C redo=D | "
    "title=3 author= needs=x",
    "notify(position,redo-label,undo-label)" },
  { DO_JUMP (0),
    "can-redo pos=0 entries=A|Add Need|C|D undo= redo=A | title= author= needs=",
    "notify(can-undo,modified,position,redo-label,undo-label)" },
  { DO_JUMP (4),
    "can-undo modified pos=4 entries=A|Add Need|C|D undo=D redo= | title=3 author=4 needs=x",
    "notify(can-redo,can-undo,modified,position,redo-label,undo-label)" },
  { DO_SAVED, NULL, "notify(modified)" },
  { DO_JUMP (2),
    "can-undo can-redo modified pos=2 entries=A|Add Need|C|D undo=Add Need redo=C | "
    "title=1 author= needs=x",
    "notify(can-redo,modified,position,redo-label,undo-label)" },
  { DO_JUMP (4),
    "can-undo pos=4 entries=A|Add Need|C|D undo=D redo= | title=3 author=4 needs=x",
    "notify(can-redo,modified,position,redo-label,undo-label)" },
};

/* Cancelling reverts what the open transaction did and records nothing. */
static const Command cancelling[] = {
  { DO_EDIT ("A", "title", "1"), NULL, FIRST_ENTRY },
  { DO_INSERT ("x", 0), NULL, NULL },
  { DO_BEGIN ("Drag"), NULL, "" },
  { DO_SET ("title", "2"), NULL, "" },
  { DO_INSERT ("y", 0), NULL, "" },
  { DO_REMOVE (1), NULL, "" },
  { DO_SET ("author", "z"),
    "can-undo modified open pos=2 entries=A|Add Need undo=Add Need redo= | "
    "title=2 author=z needs=y", "" },
  { DO_CANCEL,
    "can-undo modified pos=2 entries=A|Add Need undo=Add Need redo= | title=1 author= needs=x",
    "" },
  /* A cancelled transaction leaves the redo tail alone too. */
  { DO_UNDO,
    "can-undo can-redo modified pos=1 entries=A|Add Need undo=A redo=Add Need | "
    "title=1 author= needs=", NULL },
  { DO_BEGIN ("Drag"), NULL, "" },
  { DO_SET ("title", "2"), NULL, "" },
  { DO_CANCEL,
    "can-undo can-redo modified pos=1 entries=A|Add Need undo=A redo=Add Need | "
    "title=1 author= needs=", "" },
  { DO_EDIT ("B", "author", "b"),
    "can-undo modified pos=2 entries=A|B undo=B redo= | title=1 author=b needs=",
    "items(1,1,0) items(1,0,1) notify(can-redo,position,redo-label,undo-label)" },
};

/* Outside a transaction, an attached node refuses to change. */
static const Command outside[] = {
  { DO_OUTSIDE ("title", "X"), "pos=0 entries= undo= redo= | title= author= needs=", "" },
  { DO_EDIT ("A", "title", "1"), NULL, FIRST_ENTRY },
  { DO_OUTSIDE ("author", "X"),
    "can-undo modified pos=1 entries=A undo=A redo= | title=1 author= needs=", "" },
  { DO_UNDO, NULL, NULL },
  { DO_OUTSIDE ("title", "X"),
    "can-redo pos=0 entries=A undo= redo=A | title= author= needs=", "" },
};

/* Clearing forgets everything and takes the document as saved. */
static const Command clearing[] = {
  { DO_EDIT ("A", "title", "1"), NULL, NULL },
  { DO_EDIT ("B", "title", "2"), NULL, NULL },
  { DO_UNDO,
    "can-undo can-redo modified pos=1 entries=A|B undo=A redo=B | title=1 author= needs=",
    NULL },
  { DO_CLEAR, "pos=0 entries= undo= redo= | title=1 author= needs=",
    "items(0,2,0) notify(can-redo,can-undo,modified,position,redo-label,undo-label)" },
  { DO_CLEAR, "pos=0 entries= undo= redo= | title=1 author= needs=", "" },
  { DO_EDIT ("C", "title", "3"),
    "can-undo modified pos=1 entries=C undo=C redo= | title=3 author= needs=", FIRST_ENTRY },
  { DO_UNDO, "can-redo pos=0 entries=C undo= redo=C | title=1 author= needs=", NULL },
};

#define SEQUENCE(s) { #s, s, G_N_ELEMENTS (s) }

static const Sequence sequences[] = {
  SEQUENCE (basics),
  SEQUENCE (nesting),
  SEQUENCE (empty),
  SEQUENCE (merging),
  SEQUENCE (unreachable_save),
  SEQUENCE (clean_after_undo),
  SEQUENCE (bounded),
  SEQUENCE (jumping),
  SEQUENCE (cancelling),
  SEQUENCE (outside),
  SEQUENCE (clearing),
};

/* Running a table ----------------------------------------------------------- */

typedef struct
{
  TptDocument *document;
  TptHistory  *history;
  GString     *items;
  GPtrArray   *notified;
} Fixture;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Fixture    *fixture)
{
  g_string_append_printf (fixture->items, "items(%u,%u,%u) ", position, removed, added);
}

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           Fixture    *fixture)
{
  g_ptr_array_add (fixture->notified, (gpointer)pspec->name);
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char **)a, *(const char **)b);
}

static char *
take_events (Fixture *fixture)
{
  GString *events = g_string_new (fixture->items->str);

  if (fixture->notified->len > 0)
    {
      g_ptr_array_sort (fixture->notified, compare_strings);
      g_string_append (events, "notify(");
      for (guint i = 0; i < fixture->notified->len; i++)
        g_string_append_printf (events, "%s%s", i > 0 ? "," : "",
                                (const char *)g_ptr_array_index (fixture->notified, i));
      g_string_append (events, ")");
    }
  else if (events->len > 0)
    g_string_truncate (events, events->len - 1);

  g_string_truncate (fixture->items, 0);
  g_ptr_array_set_size (fixture->notified, 0);

  return g_string_free (events, FALSE);
}

static char *
describe_state (Fixture *fixture)
{
  TptHistory *history = fixture->history;
  GListModel *entries = G_LIST_MODEL (history);
  GListModel *needs = tpt_document_get_needs (fixture->document);
  GString *state = g_string_new (NULL);

  if (tpt_history_get_can_undo (history))
    g_string_append (state, "can-undo ");
  if (tpt_history_get_can_redo (history))
    g_string_append (state, "can-redo ");
  if (tpt_history_get_modified (history))
    g_string_append (state, "modified ");
  if (tpt_history_in_transaction (history))
    g_string_append (state, "open ");

  g_string_append_printf (state, "pos=%u entries=", tpt_history_get_position (history));
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(TptHistoryEntry) entry = g_list_model_get_item (entries, i);

      g_string_append_printf (state, "%s%s", i > 0 ? "|" : "",
                              tpt_history_entry_get_label (entry));
    }

  g_string_append_printf (state, " undo=%s redo=%s | title=%s author=%s needs=",
                          tpt_history_get_undo_label (history) ?: "",
                          tpt_history_get_redo_label (history) ?: "",
                          tpt_document_get_title (fixture->document),
                          tpt_document_get_author (fixture->document));
  for (guint i = 0; i < g_list_model_get_n_items (needs); i++)
    {
      g_autoptr(TptNeed) need = g_list_model_get_item (needs, i);

      g_string_append_printf (state, "%s%s", i > 0 ? "," : "", tpt_need_get_title (need));
    }

  return g_string_free (state, FALSE);
}

static void
set_field (Fixture    *fixture,
           const char *field,
           const char *value)
{
  if (g_str_equal (field, "title"))
    tpt_document_set_title (fixture->document, value);
  else if (g_str_equal (field, "author"))
    tpt_document_set_author (fixture->document, value);
  else
    g_assert_not_reached ();
}

static void
run_command (Fixture       *fixture,
             const Command *command)
{
  TptHistory *history = fixture->history;
  gboolean could_undo = tpt_history_get_can_undo (history);
  gboolean could_redo = tpt_history_get_can_redo (history);

  switch (command->op)
    {
    case BEGIN:
      tpt_history_begin (history, command->label);
      break;

    case BEGIN_MERGE:
      tpt_history_begin_full (history, command->label, TPT_TRANSACTION_MERGE);
      break;

    case END:
      tpt_history_end (history);
      break;

    case CANCEL:
      tpt_history_cancel (history);
      break;

    case SET:
      set_field (fixture, command->field, command->value);
      break;

    case EDIT:
    case TYPE:
      tpt_history_begin_full (history, command->label,
                              command->op == TYPE ? TPT_TRANSACTION_MERGE : TPT_TRANSACTION_NONE);
      set_field (fixture, command->field, command->value);
      tpt_history_end (history);
      break;

    case OUTSIDE:
      g_test_expect_message ("tpt-history", G_LOG_LEVEL_CRITICAL, "*outside a transaction*");
      set_field (fixture, command->field, command->value);
      g_test_assert_expected_messages ();
      break;

    case INSERT:
      {
        g_autoptr(TptNeed) need = tpt_need_new (fixture->document);

        tpt_need_set_title (need, command->field);
        tpt_document_insert_need (fixture->document, command->n, need);
      }
      break;

    case REMOVE:
      {
        g_autoptr(TptNeed) need =
          g_list_model_get_item (tpt_document_get_needs (fixture->document), command->n);

        tpt_document_remove_need (fixture->document, need);
      }
      break;

    case UNDO:
      g_assert_cmpint (tpt_history_undo (history), ==, could_undo);
      break;

    case REDO:
      g_assert_cmpint (tpt_history_redo (history), ==, could_redo);
      break;

    case JUMP:
      tpt_history_jump (history, command->n);
      g_assert_cmpuint (tpt_history_get_position (history), ==, command->n);
      break;

    case SAVED:
      tpt_history_mark_saved (history);
      g_assert_false (tpt_history_get_modified (history));
      break;

    case BREAK:
      tpt_history_break_merge (history);
      break;

    case MAX:
      tpt_history_set_max_entries (history, command->n);
      g_assert_cmpuint (tpt_history_get_max_entries (history), ==, command->n);
      break;

    case CLEAR:
      tpt_history_clear (history);
      break;

    default:
      g_assert_not_reached ();
    }
}

/* A document restored from a recovery copy stays modified whatever is
 * undone, until it is saved. */
static void
test_mark_unsaved (void)
{
  g_autoptr(TptDocument) document = tpt_document_new ();
  TptHistory *history = tpt_document_get_history (document);

  g_assert_false (tpt_history_get_modified (history));
  tpt_history_mark_unsaved (history);
  g_assert_true (tpt_history_get_modified (history));

  tpt_document_begin (document, "Edit Title");
  tpt_document_set_title (document, "Recovered");
  tpt_document_end (document);
  g_assert_true (tpt_history_undo (history));
  g_assert_true (tpt_history_get_modified (history));

  tpt_history_mark_saved (history);
  g_assert_false (tpt_history_get_modified (history));
}

static void
test_sequence (gconstpointer data)
{
  const Sequence *sequence = data;
  Fixture fixture;

  fixture.document = tpt_document_new ();
  fixture.history = tpt_document_get_history (fixture.document);
  fixture.items = g_string_new (NULL);
  fixture.notified = g_ptr_array_new ();

  g_signal_connect (fixture.history, "items-changed", G_CALLBACK (items_changed_cb), &fixture);
  g_signal_connect (fixture.history, "notify", G_CALLBACK (notify_cb), &fixture);

  for (guint i = 0; i < sequence->n_commands; i++)
    {
      const Command *command = &sequence->commands[i];
      g_autofree char *state = NULL;
      g_autofree char *events = NULL;

      run_command (&fixture, command);

      state = describe_state (&fixture);
      events = take_events (&fixture);
      g_test_message ("%s[%u]: %s / %s", sequence->name, i, state, events);

      /* The model's views of itself agree. */
      g_assert_cmpint (tpt_history_get_can_undo (fixture.history), ==,
                       tpt_history_get_undo_label (fixture.history) != NULL);
      g_assert_cmpint (tpt_history_get_can_redo (fixture.history), ==,
                       tpt_history_get_redo_label (fixture.history) != NULL);
      g_assert_cmpint (tpt_history_get_can_redo (fixture.history), ==,
                       tpt_history_get_position (fixture.history) <
                       g_list_model_get_n_items (G_LIST_MODEL (fixture.history)));

      if (command->state != NULL)
        g_assert_cmpstr (state, ==, command->state);
      if (command->events != NULL)
        g_assert_cmpstr (events, ==, command->events);
    }

  g_assert_false (tpt_history_in_transaction (fixture.history));
  g_signal_handlers_disconnect_by_data (fixture.history, &fixture);
  g_string_free (fixture.items, TRUE);
  g_ptr_array_unref (fixture.notified);
  g_assert_finalize_object (fixture.document);
}

/* Beyond the tables ----------------------------------------------------------- */

/* Every kind of attached node refuses edits outside a transaction, and
 * nothing changes. */
static void
test_outside_transaction (void)
{
  TptDocument *document = tpt_document_new ();
  TptHistory *history = tpt_document_get_history (document);
  g_autoptr(TptBlueprint) blueprint = tpt_blueprint_new (document);
  g_autoptr(TptLane) lane = tpt_lane_new (document);
  g_autoptr(TptStage) stage = tpt_stage_new (document);
  g_autoptr(TptStep) step = tpt_step_new (document);
  g_autoptr(TptCard) card = tpt_card_new (document);
  g_autoptr(TptPersona) persona = tpt_persona_new (document);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  guint n_entries;

  tpt_document_insert_persona (document, 0, persona);
  tpt_document_insert_blueprint (document, 0, blueprint);
  tpt_blueprint_insert_lane (blueprint, 0, lane);
  tpt_blueprint_insert_stage (blueprint, 0, stage);
  tpt_blueprint_insert_step (blueprint, stage, 0, step);
  tpt_blueprint_add_card (blueprint, card, lane, step, 0);

  n_entries = g_list_model_get_n_items (G_LIST_MODEL (history));
  before = tpt_test_dump (document, TRUE);

  g_test_expect_message ("tpt-history", G_LOG_LEVEL_CRITICAL, "*outside a transaction*");
  tpt_card_set_text (card, "Calls the hotline");
  g_test_expect_message ("tpt-history", G_LOG_LEVEL_CRITICAL, "*outside a transaction*");
  tpt_card_set_span (card, 2);
  g_test_expect_message ("tpt-history", G_LOG_LEVEL_CRITICAL, "*outside a transaction*");
  tpt_lane_set_kind (lane, TPT_LANE_KIND_SUPPORT);
  g_test_expect_message ("tpt-history", G_LOG_LEVEL_CRITICAL, "*outside a transaction*");
  tpt_step_set_duration (step, "PT5M");
  g_test_expect_message ("tpt-history", G_LOG_LEVEL_CRITICAL, "*outside a transaction*");
  tpt_persona_set_name (persona, "Dana");
  g_test_expect_message ("tpt-history", G_LOG_LEVEL_CRITICAL, "*outside a transaction*");
  tpt_blueprint_set_title (blueprint, "Claims");
  g_test_assert_expected_messages ();

  after = tpt_test_dump (document, TRUE);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (history)), ==, n_entries);

  g_assert_finalize_object (document);
}

static void
edit_author_cb (TptDocument *document,
                TptNode     *node,
                GParamSpec  *pspec,
                gpointer     user_data)
{
  guint *calls = user_data;

  (*calls)++;
  tpt_document_set_author (document, "sneaky");
}

/* A signal handler that edits the document while undo or redo replays
 * changes gets a critical; its edit is ignored and the undo completes. */
static void
test_edit_during_undo (void)
{
  TptDocument *document = tpt_document_new ();
  TptHistory *history = tpt_document_get_history (document);
  guint calls = 0;
  gulong handler;

  tpt_document_begin (document, "Rename");
  tpt_document_set_title (document, "A");
  tpt_document_end (document);

  handler = g_signal_connect (document, "node-changed::title", G_CALLBACK (edit_author_cb), &calls);

  g_test_expect_message ("tpt-history", G_LOG_LEVEL_CRITICAL, "*while undoing or redoing*");
  g_assert_true (tpt_history_undo (history));
  g_test_assert_expected_messages ();
  g_assert_cmpuint (calls, ==, 1);
  g_assert_cmpstr (tpt_document_get_title (document), ==, "");
  g_assert_cmpstr (tpt_document_get_author (document), ==, "");
  g_assert_cmpuint (tpt_history_get_position (history), ==, 0);
  g_assert_false (tpt_history_is_applying (history));

  g_test_expect_message ("tpt-history", G_LOG_LEVEL_CRITICAL, "*while undoing or redoing*");
  g_assert_true (tpt_history_redo (history));
  g_test_assert_expected_messages ();
  g_assert_cmpstr (tpt_document_get_title (document), ==, "A");
  g_assert_cmpstr (tpt_document_get_author (document), ==, "");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (history)), ==, 1);

  g_signal_handler_disconnect (document, handler);
  g_assert_finalize_object (document);
}

static void
emphasise_cb (TptDocument *document,
              TptNode     *node,
              GParamSpec  *pspec,
              gpointer     user_data)
{
  const char *title = tpt_document_get_title (document);

  if (!g_str_has_suffix (title, "!"))
    {
      g_autofree char *emphatic = g_strconcat (title, "!", NULL);

      tpt_document_set_title (document, emphatic);
    }
}

static void
add_partner_cb (GListModel *model,
                guint       position,
                guint       removed,
                guint       added,
                gpointer    user_data)
{
  TptDocument *document = user_data;
  g_autoptr(TptNeed) need = NULL;
  g_autoptr(TptNeed) partner = NULL;

  if (added == 0)
    return;

  need = g_list_model_get_item (model, position);
  if (g_str_has_prefix (tpt_need_get_title (need), "partner"))
    return;

  partner = tpt_need_new (document);
  tpt_need_set_title (partner, "partner");
  tpt_document_insert_need (document, 0, partner);
}

/* A handler may react to a change inside a transaction with more changes,
 * which then happen in the middle of the first; undo must still put back
 * exactly what was there. */
static void
test_reentrant_edit (void)
{
  TptDocument *document = tpt_document_new ();
  TptHistory *history = tpt_document_get_history (document);
  g_autoptr(TptNeed) need = tpt_need_new (document);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *again = NULL;
  gulong handler;

  before = tpt_test_dump (document, TRUE);

  handler = g_signal_connect (document, "node-changed::title", G_CALLBACK (emphasise_cb), NULL);
  tpt_document_begin (document, "Rename");
  tpt_document_set_title (document, "Hello");
  tpt_document_end (document);
  g_signal_handler_disconnect (document, handler);
  g_assert_cmpstr (tpt_document_get_title (document), ==, "Hello!");

  handler = g_signal_connect (tpt_document_get_needs (document), "items-changed",
                              G_CALLBACK (add_partner_cb), document);
  tpt_need_set_title (need, "first");
  tpt_document_insert_need (document, 0, need);
  g_signal_handler_disconnect (tpt_document_get_needs (document), handler);
  g_assert_cmpuint (g_list_model_get_n_items (tpt_document_get_needs (document)), ==, 2);
  after = tpt_test_dump (document, TRUE);

  tpt_history_jump (history, 0);
  again = tpt_test_dump (document, TRUE);
  g_assert_cmpstr (again, ==, before);
  g_clear_pointer (&again, g_free);

  tpt_history_jump (history, 2);
  again = tpt_test_dump (document, TRUE);
  g_assert_cmpstr (again, ==, after);
  tpt_test_check_integrity (document);

  g_assert_finalize_object (document);
}

/* A node taken out of the document lives on in the history only so undo can
 * put it back; editing it meanwhile is an error and changes nothing. */
static void
test_edit_removed_node (void)
{
  TptDocument *document = tpt_document_new ();
  TptHistory *history = tpt_document_get_history (document);
  g_autoptr(TptNeed) need = tpt_need_new (document);
  g_autoptr(TptBlueprint) blueprint = tpt_blueprint_new (document);
  g_autoptr(TptLane) lane = tpt_lane_new (document);
  g_autoptr(TptStage) stage = tpt_stage_new (document);
  g_autoptr(TptStep) step = tpt_step_new (document);
  g_autoptr(TptCard) card = tpt_card_new (document);
  guint position;

  tpt_need_set_title (need, "Know my claim's status");
  tpt_document_insert_need (document, 0, need);
  tpt_document_insert_blueprint (document, 0, blueprint);
  tpt_blueprint_insert_lane (blueprint, 0, lane);
  tpt_blueprint_insert_stage (blueprint, 0, stage);
  tpt_blueprint_insert_step (blueprint, stage, 0, step);
  tpt_blueprint_add_card (blueprint, card, lane, step, 0);

  tpt_document_remove_need (document, need);
  tpt_document_remove_blueprint (document, blueprint);
  g_assert_false (tpt_node_is_attached (TPT_NODE (need)));
  g_assert_false (tpt_node_is_attached (TPT_NODE (card)));
  g_assert_null (tpt_document_lookup (document, tpt_node_get_id (TPT_NODE (card))));
  position = tpt_history_get_position (history);

  tpt_document_begin (document, "Edit");
  g_test_expect_message ("tpt-node", G_LOG_LEVEL_CRITICAL, "*was removed*");
  tpt_need_set_title (need, "Changed");
  g_test_expect_message ("tpt-node", G_LOG_LEVEL_CRITICAL, "*was removed*");
  tpt_card_set_text (card, "Changed");
  g_test_expect_message ("tpt-node", G_LOG_LEVEL_CRITICAL, "*was removed*");
  tpt_blueprint_set_title (blueprint, "Changed");
  tpt_document_end (document);
  g_test_assert_expected_messages ();

  /* Outside a transaction it is the same error. */
  g_test_expect_message ("tpt-node", G_LOG_LEVEL_CRITICAL, "*was removed*");
  tpt_need_set_description (need, "Changed");
  g_test_assert_expected_messages ();

  g_assert_cmpuint (tpt_history_get_position (history), ==, position);
  g_assert_cmpstr (tpt_need_get_title (need), ==, "Know my claim's status");
  g_assert_cmpstr (tpt_card_get_text (card), ==, "");

  /* Undo puts them back, and they can be edited again. */
  g_assert_true (tpt_history_undo (history));
  g_assert_true (tpt_history_undo (history));
  g_assert_true (tpt_node_is_attached (TPT_NODE (need)));
  g_assert_true (tpt_node_is_attached (TPT_NODE (card)));
  g_assert_true (tpt_document_lookup (document, tpt_node_get_id (TPT_NODE (card))) ==
                 TPT_NODE (card));
  tpt_document_begin (document, "Edit");
  tpt_card_set_text (card, "Changed");
  tpt_document_end (document);
  g_assert_cmpstr (tpt_card_get_text (card), ==, "Changed");

  g_clear_object (&need);
  g_clear_object (&blueprint);
  g_clear_object (&lane);
  g_clear_object (&stage);
  g_clear_object (&step);
  g_clear_object (&card);
  g_assert_finalize_object (document);
}

/* The history as a list model: one TptHistoryEntry per entry. */
static void
test_entries (void)
{
  TptDocument *document = tpt_document_new ();
  TptHistory *history = tpt_document_get_history (document);
  GListModel *model = G_LIST_MODEL (history);
  g_autoptr(TptHistoryEntry) first = NULL;
  g_autoptr(TptHistoryEntry) second = NULL;
  g_autofree char *label = NULL;

  g_assert_true (g_list_model_get_item_type (model) == TPT_TYPE_HISTORY_ENTRY);
  g_assert_null (g_list_model_get_item (model, 0));

  tpt_document_begin (document, "Rename");
  tpt_document_set_title (document, "A");
  tpt_document_set_author (document, "B");
  tpt_document_set_description (document, "C");
  tpt_document_end (document);

  tpt_history_begin_full (history, "Typing", TPT_TRANSACTION_MERGE);
  tpt_document_set_title (document, "AB");
  tpt_history_end (history);
  tpt_history_begin_full (history, "Typing", TPT_TRANSACTION_MERGE);
  tpt_document_set_title (document, "ABC");
  tpt_history_end (history);

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  first = g_list_model_get_item (model, 0);
  second = g_list_model_get_item (model, 1);
  g_assert_null (g_list_model_get_item (model, 2));
  g_assert_cmpstr (tpt_history_entry_get_label (first), ==, "Rename");
  g_assert_cmpuint (tpt_history_entry_get_n_changes (first), ==, 3);
  g_assert_cmpstr (tpt_history_entry_get_label (second), ==, "Typing");
  g_assert_cmpuint (tpt_history_entry_get_n_changes (second), ==, 1);
  g_object_get (second, "label", &label, NULL);
  g_assert_cmpstr (label, ==, "Typing");

  /* The history holds its entries. */
  g_clear_object (&first);
  g_clear_object (&second);
  g_assert_finalize_object (document);
}

/* A history on its own: its defaults, and its properties through GObject. */
static void
test_standalone (void)
{
  TptHistory *history = tpt_history_new ();
  guint max_entries = 0;
  guint position = 1;
  gboolean modified = TRUE;
  guint notified = 0;

  g_assert_cmpuint (tpt_history_get_max_entries (history), ==, TPT_HISTORY_DEFAULT_MAX_ENTRIES);
  g_assert_false (tpt_history_get_can_undo (history));
  g_assert_false (tpt_history_get_can_redo (history));
  g_assert_false (tpt_history_get_modified (history));
  g_assert_false (tpt_history_in_transaction (history));
  g_assert_false (tpt_history_is_applying (history));
  g_assert_null (tpt_history_get_undo_label (history));
  g_assert_null (tpt_history_get_redo_label (history));
  g_assert_false (tpt_history_undo (history));
  g_assert_false (tpt_history_redo (history));

  tpt_history_begin (history, "Nothing");
  g_assert_true (tpt_history_in_transaction (history));
  tpt_history_end (history);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (history)), ==, 0);

  g_signal_connect (history, "notify::max-entries", G_CALLBACK (count_notify_cb), &notified);
  g_object_set (history, "max-entries", 5, NULL);
  g_object_set (history, "max-entries", 5, NULL);
  g_object_get (history,
                "max-entries", &max_entries,
                "position", &position,
                "modified", &modified,
                NULL);
  g_assert_cmpuint (max_entries, ==, 5);
  g_assert_cmpuint (position, ==, 0);
  g_assert_false (modified);
  g_assert_cmpuint (notified, ==, 1);

  g_signal_handlers_disconnect_by_data (history, &notified);
  g_assert_finalize_object (history);
}

/* A history panel may hold the history longer than the document lives;
 * the history must then let go of the document's nodes, not point at them. */
static void
test_outlives_document (void)
{
  TptDocument *document = tpt_document_new ();
  g_autoptr(TptNeed) need = tpt_need_new (document);
  TptHistory *history;

  tpt_document_insert_need (document, 0, need);
  tpt_document_begin (document, "Rename");
  tpt_document_set_title (document, "A");
  tpt_document_end (document);

  history = g_object_ref (tpt_document_get_history (document));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (history)), ==, 2);

  g_assert_finalize_object (document);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (history)), ==, 0);
  g_assert_false (tpt_history_get_can_undo (history));
  g_assert_finalize_object (need);
  need = NULL;
  g_assert_finalize_object (history);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (sequences); i++)
    {
      g_autofree char *path = g_strdup_printf ("/tpt/history/table/%s", sequences[i].name);

      g_test_add_data_func (path, &sequences[i], test_sequence);
    }

  g_test_add_func ("/tpt/history/mark-unsaved", test_mark_unsaved);
  g_test_add_func ("/tpt/history/outside-transaction", test_outside_transaction);
  g_test_add_func ("/tpt/history/edit-during-undo", test_edit_during_undo);
  g_test_add_func ("/tpt/history/reentrant-edit", test_reentrant_edit);
  g_test_add_func ("/tpt/history/edit-removed-node", test_edit_removed_node);
  g_test_add_func ("/tpt/history/entries", test_entries);
  g_test_add_func ("/tpt/history/outlives-document", test_outlives_document);
  g_test_add_func ("/tpt/history/standalone", test_standalone);

  return g_test_run ();
}
