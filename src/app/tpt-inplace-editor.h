/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/**
 * TptEditorEnd:
 * @TPT_EDITOR_END_CANCEL: Escape, or the editor was taken away: drop the text
 * @TPT_EDITOR_END_COMMIT: Enter, or focus went elsewhere: keep the text
 * @TPT_EDITOR_END_NEXT: Tab: keep the text and go on to the next field
 * @TPT_EDITOR_END_PREVIOUS: Shift+Tab: keep it and go back one field
 */
typedef enum
{
  TPT_EDITOR_END_CANCEL,
  TPT_EDITOR_END_COMMIT,
  TPT_EDITOR_END_NEXT,
  TPT_EDITOR_END_PREVIOUS,
} TptEditorEnd;

#define TPT_TYPE_INPLACE_EDITOR (tpt_inplace_editor_get_type ())

G_DECLARE_FINAL_TYPE (TptInplaceEditor, tpt_inplace_editor, TPT, INPLACE_EDITOR, GtkTextView)

GtkWidget *tpt_inplace_editor_new           (const char       *text,
                                             const char       *label,
                                             gboolean          multiline);
char      *tpt_inplace_editor_dup_text      (TptInplaceEditor *self);
void       tpt_inplace_editor_set_font_size (TptInplaceEditor *self,
                                             int               pixels);
void       tpt_inplace_editor_select_all    (TptInplaceEditor *self);
gboolean   tpt_inplace_editor_get_finished  (TptInplaceEditor *self);
void       tpt_inplace_editor_finish        (TptInplaceEditor *self,
                                             TptEditorEnd      end);

G_END_DECLS
