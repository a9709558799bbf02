"""The blocks an article body is made of, one per kind of thing a history article shows."""

from django.utils.text import slugify
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul", "h3"]


class SectionHeadingBlock(blocks.CharBlock):
    """A section heading (h2) with an anchor that quizzes and the contents list link to."""

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["anchor"] = slugify(value)
        return context

    class Meta:
        template = "courses/blocks/section_heading.html"
        icon = "title"
        label = "Section heading"
        description = "Starts a new section of the article."
        preview_value = "Exile and death"


class FigureBlock(blocks.StructBlock):
    """An image with its caption, credit and alt text; empty fields fall back to the image's own."""

    image = ImageChooserBlock()
    caption = blocks.TextBlock(required=False)
    credit = blocks.CharBlock(required=False)
    alt_text = blocks.CharBlock(
        required=False, help_text="What the figure shows, for readers who cannot see it."
    )

    class Meta:
        template = "courses/blocks/figure.html"
        icon = "image"
        description = "A picture, map or chart with a caption and credit."


class PrimarySourceBlock(blocks.StructBlock):
    """An excerpt from a primary source, with its provenance and a question for the reader."""

    text = blocks.RichTextBlock(features=["bold", "italic"])
    author = blocks.CharBlock()
    date = blocks.CharBlock(help_text="When it was written or said, as precisely as known.")
    kind = blocks.CharBlock(help_text="Speech, letter, decree, memoir, newspaper…")
    origin = blocks.CharBlock(help_text="Where the text comes from.")
    question = blocks.TextBlock(
        required=False, help_text="A question on its provenance, purpose or reliability."
    )

    class Meta:
        template = "courses/blocks/primary_source.html"
        icon = "doc-full"
        label = "Primary source"
        description = "An excerpt from a document of the time."


class QuotationBlock(blocks.StructBlock):
    """A quotation with its attribution."""

    text = blocks.TextBlock()
    attribution = blocks.CharBlock(required=False)

    class Meta:
        template = "courses/blocks/quotation.html"
        icon = "openquote"
        description = "A short quotation."


class KeyFactsBlock(blocks.StructBlock):
    """A box of key facts to revise from."""

    title = blocks.CharBlock(default="Key facts")
    facts = blocks.ListBlock(blocks.CharBlock(label="Fact"))

    class Meta:
        template = "courses/blocks/key_facts.html"
        icon = "list-ul"
        label = "Key facts"
        description = "A short list of facts to remember."


class ContentNoteBlock(blocks.StructBlock):
    """A note that warns readers of distressing content (famine, terror, violence)."""

    text = blocks.TextBlock()

    class Meta:
        template = "courses/blocks/content_note.html"
        icon = "warning"
        label = "Content note"
        description = "Warns readers of distressing content."


class DebatePositionBlock(blocks.StructBlock):
    """One historians' position in a debate: what it holds, who holds it, and on what evidence."""

    name = blocks.CharBlock(help_text="The position, in a few words.")
    historians = blocks.CharBlock()
    works = blocks.CharBlock(help_text="Main works with their years.")
    argument = blocks.TextBlock()
    evidence = blocks.TextBlock(help_text="What evidence it rests on.")
    sources = blocks.ListBlock(
        blocks.CharBlock(label="Source slug"), required=False, help_text="Works cited, by slug."
    )


class DebateBlock(blocks.StructBlock):
    """A historians' debate: the question, three or more named positions, and what the opening
    of the Soviet archives after 1991 changed."""

    title = blocks.CharBlock(help_text="The question historians disagree on.")
    introduction = blocks.RichTextBlock(features=["bold", "italic", "link"])
    positions = blocks.ListBlock(DebatePositionBlock(), min_num=3)
    archives = blocks.TextBlock(help_text="How the archives opened after 1991 changed the debate.")

    class Meta:
        template = "courses/blocks/debate.html"
        icon = "group"
        label = "Debate"
        description = "Historians' positions on a question, with their works and evidence."


class ArticleBodyBlock(blocks.StreamBlock):
    """Everything an article body may hold."""

    heading = SectionHeadingBlock()
    text = blocks.RichTextBlock(features=RICH_TEXT_FEATURES)
    figure = FigureBlock()
    source = PrimarySourceBlock()
    quote = QuotationBlock()
    key_facts = KeyFactsBlock()
    content_note = ContentNoteBlock()
    debate = DebateBlock()


class TopicBlock(blocks.StructBlock):
    """A topic in a course part: its slug and title; linked once an article with that slug is live."""

    slug = blocks.CharBlock()
    title = blocks.CharBlock()


class CoursePartBlock(blocks.StructBlock):
    """A part of a course: a title and its topics in order."""

    title = blocks.CharBlock()
    topics = blocks.ListBlock(TopicBlock())

    class Meta:
        icon = "folder-open-inverse"
        label = "Part"
