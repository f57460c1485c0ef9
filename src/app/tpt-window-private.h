/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "tpt-pages.h"
#include "tpt-selection.h"
#include "tpt-autosave.h"
#include "tpt-changes-panel.h"
#include "tpt-conflicts-panel.h"
#include "tpt-filter-bar.h"
#include "tpt-history-panel.h"
#include "tpt-inspector.h"
#include "tpt-lock-file.h"
#include "tpt-outline.h"
#include "tpt-window.h"

G_BEGIN_DECLS

/* The window's parts are split over tpt-window.c (the document, the title
 * and the file on disk) and tpt-window-actions.c (what the user does with
 * it: saving, closing, undo, zoom, export and print). */
struct _TptWindow
{
  AdwApplicationWindow  parent_instance;

  /* template widgets */
  AdwWindowTitle       *window_title;
  GtkToggleButton      *sidebar_button;
  GtkToggleButton      *inspector_button;
  GtkMenuButton        *zoom_button;
  GtkWidget            *sort_button;
  TptFilterBar         *filter_bar;
  GtkWidget            *undo_button;
  GtkWidget            *redo_button;
  GtkInfoBar           *changed_bar;
  GtkLabel             *changed_label;
  AdwToastOverlay      *toast_overlay;
  GtkPaned             *outer_paned;
  GtkPaned             *inner_paned;
  GtkWidget            *outline_box;
  GtkWidget            *side_box;
  GtkStack             *side_stack;
  GtkWidget            *inspector_box;
  GtkWidget            *history_box;
  TptPages             *pages;
  TptHistoryPanel      *history_panel;
  GtkWidget            *review_box;
  TptConflictsPanel    *conflicts_panel;
  TptChangesPanel      *changes_panel;
  TptOutline           *outline;
  TptInspector         *inspector;
  GMenu                *undo_section;
  GMenu                *recent_submenu;

  /* owned */
  TptDocument          *document;
  TptSelection         *selection;
  GSignalGroup         *page_signals;   /* the visible page's */
  GFile                *file;
  GFileMonitor         *monitor;
  TptAutosave          *autosave;
  GSettings            *settings;
  /* What the file on disk looked like when we last read or wrote it, to
   * tell someone else's change from our own. */
  char                 *disk_etag;
  GtkFileChooserNative *chooser;
  /* tpt-window-file.c: the lock beside the file, the warning that someone
   * else has it, the folder it is in (to follow it when it moves), the
   * saves waiting for the one under way. */
  TptLockFile          *lock;
  GtkInfoBar           *lock_bar;
  GtkLabel             *lock_label;
  int                   folder_fd;
  GPtrArray            *waiting_saves;
  guint                 saving_id;

  /* flags */
  guint                 close_after_save : 1;
  guint                 closing_confirmed : 1;
  guint                 saving : 1;
  guint                 save_again : 1;
};

typedef void (*TptWindowSavedFunc) (TptWindow *self,
                                    gboolean   saved);

void tpt_window_class_install_actions (GtkWidgetClass   *widget_class);
void tpt_window_add_pane_keys         (TptWindow        *self);
void tpt_window_actions_init        (TptWindow          *self);
void tpt_window_actions_update      (TptWindow          *self);
void tpt_window_save                (TptWindow          *self,
                                     gboolean            save_as,
                                     TptWindowSavedFunc  done);
void tpt_window_update_title        (TptWindow          *self);
void tpt_window_set_file            (TptWindow          *self,
                                     GFile              *file);

/* tpt-window-file.c: the file on disk, saving and reloading */
void tpt_window_file_class_init     (GtkWidgetClass     *widget_class);
void tpt_window_watch_file          (TptWindow          *self);
void tpt_window_file_dispose        (TptWindow          *self);
gboolean tpt_window_close_request_cb (GtkWindow         *window);

/* tpt-window-data.c: Import Survey… and Export Data as CSV */
void tpt_window_data_class_init     (GtkWidgetClass     *widget_class);

/* tpt-window-slides.c: the slide actions */
void tpt_window_slides_class_init   (GtkWidgetClass     *widget_class);
void tpt_window_slides_init         (TptWindow          *self);

G_END_DECLS
