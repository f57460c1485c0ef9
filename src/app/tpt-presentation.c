/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-presentation"

#include "config.h"

#include <gdk/gdk.h>

#include "tpt-presentation.h"

#include "tpt-slide.h"

/* A presentation under way: the slides shown (the document's own list, or
 * the default set when it has none), which one is up, whether the screen
 * is blanked, and the digits typed to jump. The audience window and the
 * presenter console both show the same presentation and send it their
 * keys, so a clicker drives both alike. It knows no widgets. */

struct _TptPresentation
{
  GObject               parent_instance;

  TptDocument          *document;
  GPtrArray            *slides;   /* TptSlide, fixed when the show starts */
  guint                 index;
  TptPresentationBlank  blank;
  GString              *typed;    /* digits typed before Enter */
  gint64                started;  /* monotonic time of the start */
  gint64                slot;     /* the meeting's slot in µs, or 0 */
};

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (TptPresentation, tpt_presentation, G_TYPE_OBJECT)

static void
changed (TptPresentation *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
tpt_presentation_finalize (GObject *object)
{
  TptPresentation *self = TPT_PRESENTATION (object);

  g_clear_object (&self->document);
  g_clear_pointer (&self->slides, g_ptr_array_unref);
  g_string_free (self->typed, TRUE);

  G_OBJECT_CLASS (tpt_presentation_parent_class)->finalize (object);
}

static void
tpt_presentation_class_init (TptPresentationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tpt_presentation_finalize;

  /**
   * TptPresentation::changed:
   *
   * Another slide is up, the screen was blanked or shown again, or a digit
   * was typed.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 0);
}

static void
tpt_presentation_init (TptPresentation *self)
{
  self->typed = g_string_new (NULL);
  self->started = g_get_monotonic_time ();
}

/**
 * tpt_presentation_new:
 * @document: the document to present
 * @slides: (nullable) (element-type TptSlide): the slides to show, or %NULL
 *   for tpt_slides_list_for_showing()
 * @first: the slide to start at, clamped to the last
 *
 * The slides are taken when the presentation starts: editing the document
 * while presenting does not reshuffle them under the presenter.
 *
 * Returns: (transfer full): a presentation
 */
TptPresentation *
tpt_presentation_new (TptDocument *document,
                      GPtrArray   *slides,
                      guint        first)
{
  TptPresentation *self;

  g_return_val_if_fail (TPT_IS_DOCUMENT (document), NULL);

  self = g_object_new (TPT_TYPE_PRESENTATION, NULL);
  self->document = g_object_ref (document);
  self->slides = slides != NULL ? g_ptr_array_ref (slides) : tpt_slides_list_for_showing (document);
  if (self->slides->len > 0)
    self->index = MIN (first, self->slides->len - 1);
  return self;
}

TptDocument *
tpt_presentation_get_document (TptPresentation *self)
{
  g_return_val_if_fail (TPT_IS_PRESENTATION (self), NULL);

  return self->document;
}

guint
tpt_presentation_get_n_slides (TptPresentation *self)
{
  g_return_val_if_fail (TPT_IS_PRESENTATION (self), 0);

  return self->slides->len;
}

/**
 * tpt_presentation_get_slide:
 * @self: a presentation
 * @index: a slide's position
 *
 * Returns: (nullable) (transfer none): the slide, or %NULL past the end
 */
TptSlide *
tpt_presentation_get_slide (TptPresentation *self,
                            guint            index)
{
  g_return_val_if_fail (TPT_IS_PRESENTATION (self), NULL);

  return index < self->slides->len ? g_ptr_array_index (self->slides, index) : NULL;
}

guint
tpt_presentation_get_index (TptPresentation *self)
{
  g_return_val_if_fail (TPT_IS_PRESENTATION (self), 0);

  return self->index;
}

/**
 * tpt_presentation_go_to:
 * @self: a presentation
 * @index: the slide to show
 *
 * Shows slide @index, and the screen again if it was blanked.
 *
 * Returns: whether there is such a slide
 */
gboolean
tpt_presentation_go_to (TptPresentation *self,
                        guint            index)
{
  g_return_val_if_fail (TPT_IS_PRESENTATION (self), FALSE);

  g_string_truncate (self->typed, 0);
  if (index >= self->slides->len)
    {
      changed (self);
      return FALSE;
    }
  self->index = index;
  self->blank = TPT_PRESENTATION_BLANK_NONE;
  changed (self);
  return TRUE;
}

/* At either end, Next and Previous stay, but the digits typed to jump
 * are dropped as a move would drop them. */
static void
forget_typed (TptPresentation *self)
{
  if (self->typed->len == 0)
    return;
  g_string_truncate (self->typed, 0);
  changed (self);
}

gboolean
tpt_presentation_next (TptPresentation *self)
{
  g_return_val_if_fail (TPT_IS_PRESENTATION (self), FALSE);

  /* From a blank screen, the first press brings the same slide back. */
  if (self->blank != TPT_PRESENTATION_BLANK_NONE)
    return tpt_presentation_go_to (self, self->index);
  if (self->index + 1 < self->slides->len)
    return tpt_presentation_go_to (self, self->index + 1);
  forget_typed (self);
  return FALSE;
}

gboolean
tpt_presentation_previous (TptPresentation *self)
{
  g_return_val_if_fail (TPT_IS_PRESENTATION (self), FALSE);

  if (self->blank != TPT_PRESENTATION_BLANK_NONE)
    return tpt_presentation_go_to (self, self->index);
  if (self->index > 0)
    return tpt_presentation_go_to (self, self->index - 1);
  forget_typed (self);
  return FALSE;
}

TptPresentationBlank
tpt_presentation_get_blank (TptPresentation *self)
{
  g_return_val_if_fail (TPT_IS_PRESENTATION (self), TPT_PRESENTATION_BLANK_NONE);

  return self->blank;
}

/**
 * tpt_presentation_toggle_blank:
 * @self: a presentation
 * @blank: black or white
 *
 * Blanks the screen in @blank, or shows the slide again when it is
 * already blanked so, as B does in presentation programs.
 */
void
tpt_presentation_toggle_blank (TptPresentation      *self,
                               TptPresentationBlank  blank)
{
  g_return_if_fail (TPT_IS_PRESENTATION (self));

  self->blank = self->blank == blank ? TPT_PRESENTATION_BLANK_NONE : blank;
  changed (self);
}

/**
 * tpt_presentation_get_typed:
 * @self: a presentation
 *
 * Returns: the slide number typed so far, to jump to with Enter; empty
 *   when none
 */
const char *
tpt_presentation_get_typed (TptPresentation *self)
{
  g_return_val_if_fail (TPT_IS_PRESENTATION (self), "");

  return self->typed->str;
}

/**
 * tpt_presentation_get_elapsed:
 * @self: a presentation
 *
 * Returns: how long the presentation has been running, in microseconds
 */
gint64
tpt_presentation_get_elapsed (TptPresentation *self)
{
  g_return_val_if_fail (TPT_IS_PRESENTATION (self), 0);

  return g_get_monotonic_time () - self->started;
}

/**
 * tpt_presentation_set_elapsed:
 * @self: a presentation
 * @elapsed: how long it should seem to have run, in microseconds
 *
 * Restarts the timer (with 0), as before a second rehearsal.
 */
void
tpt_presentation_set_elapsed (TptPresentation *self,
                              gint64           elapsed)
{
  g_return_if_fail (TPT_IS_PRESENTATION (self));

  self->started = g_get_monotonic_time () - MAX (elapsed, 0);
  changed (self);
}

/**
 * tpt_presentation_get_slot:
 * @self: a presentation
 *
 * Returns: the time the meeting gave the presentation, in microseconds;
 *   0 when none was set
 */
gint64
tpt_presentation_get_slot (TptPresentation *self)
{
  g_return_val_if_fail (TPT_IS_PRESENTATION (self), 0);

  return self->slot;
}

/**
 * tpt_presentation_set_slot:
 * @self: a presentation
 * @slot: the meeting's slot for it, in microseconds, or 0 for none
 */
void
tpt_presentation_set_slot (TptPresentation *self,
                           gint64           slot)
{
  g_return_if_fail (TPT_IS_PRESENTATION (self));

  slot = MAX (slot, 0);
  if (slot == self->slot)
    return;
  self->slot = slot;
  changed (self);
}

/**
 * tpt_presentation_get_remaining:
 * @self: a presentation
 *
 * Returns: what is left of the slot, in microseconds; negative once it is
 *   over, 0 when no slot is set
 */
gint64
tpt_presentation_get_remaining (TptPresentation *self)
{
  g_return_val_if_fail (TPT_IS_PRESENTATION (self), 0);

  if (self->slot == 0)
    return 0;
  return self->slot - tpt_presentation_get_elapsed (self);
}

/**
 * tpt_presentation_timer_level:
 * @slot: the meeting's slot, in microseconds, or 0
 * @elapsed: the time gone, in microseconds
 *
 * Amber for the last fifth of the slot (3 minutes of 15), red for the
 * last fifteenth (the last minute of 15), over past its end.
 *
 * Returns: how the time left is to be shown
 */
TptTimerLevel
tpt_presentation_timer_level (gint64 slot,
                              gint64 elapsed)
{
  gint64 left = slot - elapsed;

  if (slot <= 0)
    return TPT_TIMER_NONE;
  if (left <= 0)
    return TPT_TIMER_OVER;
  if (left * 15 <= slot)
    return TPT_TIMER_RED;
  if (left * 5 <= slot)
    return TPT_TIMER_AMBER;
  return TPT_TIMER_OK;
}

TptTimerLevel
tpt_presentation_get_timer_level (TptPresentation *self)
{
  g_return_val_if_fail (TPT_IS_PRESENTATION (self), TPT_TIMER_NONE);

  return tpt_presentation_timer_level (self->slot, tpt_presentation_get_elapsed (self));
}

static int
digit_of (guint keyval)
{
  if (keyval >= GDK_KEY_0 && keyval <= GDK_KEY_9)
    return keyval - GDK_KEY_0;
  if (keyval >= GDK_KEY_KP_0 && keyval <= GDK_KEY_KP_9)
    return keyval - GDK_KEY_KP_0;
  return -1;
}

/**
 * tpt_presentation_key:
 * @self: a presentation
 * @keyval: a key pressed in a presentation window
 * @state: the modifiers held (a #GdkModifierType)
 *
 * Next: Page Down, Space, Right, Down, Enter, N (what clickers send).
 * Previous: Page Up, BackSpace, Left, Up, P. Home and End go to the first
 * and last slide; digits then Enter to that slide; B or "." blacks the
 * screen out, W whites it.
 *
 * Returns: whether the key was used
 */
gboolean
tpt_presentation_key (TptPresentation *self,
                      guint            keyval,
                      guint            state)
{
  int digit = digit_of (keyval);

  g_return_val_if_fail (TPT_IS_PRESENTATION (self), FALSE);

  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK))
    return FALSE;

  if (digit >= 0)
    {
      if (self->typed->len < 4)
        g_string_append_c (self->typed, '0' + digit);
      changed (self);
      return TRUE;
    }

  switch (keyval)
    {
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
      if (self->typed->len > 0)
        {
          guint64 number = g_ascii_strtoull (self->typed->str, NULL, 10);

          /* A number out of range is forgotten and the slide stays. */
          if (number == 0 || !tpt_presentation_go_to (self, (guint) number - 1))
            {
              g_string_truncate (self->typed, 0);
              changed (self);
            }
          return TRUE;
        }
      tpt_presentation_next (self);
      return TRUE;

    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
    case GDK_KEY_space:
    case GDK_KEY_Right:
    case GDK_KEY_Down:
    case GDK_KEY_n:
    case GDK_KEY_N:
      tpt_presentation_next (self);
      return TRUE;

    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
    case GDK_KEY_BackSpace:
    case GDK_KEY_Left:
    case GDK_KEY_Up:
    case GDK_KEY_p:
    case GDK_KEY_P:
      if (keyval == GDK_KEY_BackSpace && self->typed->len > 0)
        {
          g_string_truncate (self->typed, self->typed->len - 1);
          changed (self);
          return TRUE;
        }
      tpt_presentation_previous (self);
      return TRUE;

    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      tpt_presentation_go_to (self, 0);
      return TRUE;

    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      if (self->slides->len > 0)
        tpt_presentation_go_to (self, self->slides->len - 1);
      return TRUE;

    case GDK_KEY_b:
    case GDK_KEY_B:
    case GDK_KEY_period:
      tpt_presentation_toggle_blank (self, TPT_PRESENTATION_BLANK_BLACK);
      return TRUE;

    case GDK_KEY_w:
    case GDK_KEY_W:
      tpt_presentation_toggle_blank (self, TPT_PRESENTATION_BLANK_WHITE);
      return TRUE;

    default:
      return FALSE;
    }
}

/**
 * tpt_presentation_find_slide_for:
 * @document: the document
 * @slides: (element-type TptSlide): the slides to be shown
 * @node: (nullable): what the window shows now
 *
 * Shift+F5 starts "from the current view": the first slide that shows
 * @node, its blueprint, stage or persona.
 *
 * Returns: the slide's position, or 0 when none shows it
 */
guint
tpt_presentation_find_slide_for (TptDocument *document,
                                 GPtrArray   *slides,
                                 TptNode     *node)
{
  g_return_val_if_fail (TPT_IS_DOCUMENT (document), 0);
  g_return_val_if_fail (slides != NULL, 0);

  /* From the node outwards: a card's stage is not known here, so a card
   * finds its blueprint's first slide; a stage finds its own. */
  for (TptNode *n = node; n != NULL; n = tpt_node_get_parent (n))
    {
      for (guint i = 0; i < slides->len; i++)
        {
          TptSlide *slide = g_ptr_array_index (slides, i);

          if (tpt_slide_get_target_node (slide) == n)
            return i;
        }
      if (TPT_IS_NEED (n) || TPT_IS_RATING (n))
        for (guint i = 0; i < slides->len; i++)
          if (tpt_slide_get_artefact (g_ptr_array_index (slides, i)) == TPT_ARTEFACT_NEEDS_MATRIX)
            return i;
    }
  return 0;
}
