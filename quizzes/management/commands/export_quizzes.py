"""Write every topic's quiz (and the course revision quiz) as Moodle XML, GIFT and QTI 2.1."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from quizzes.exports import FORMATS, export


class Command(BaseCommand):
    help = (
        "Export the quiz of every live topic, and each course's revision quiz, for learning "
        "platforms: OUTDIR/<topic>-quiz.moodle.xml, .gift.txt and .qti.zip."
    )

    def add_arguments(self, parser):
        parser.add_argument("outdir", type=Path)
        parser.add_argument(
            "--format",
            action="append",
            choices=sorted(FORMATS),
            help="Only this format (repeat for more); default: all of them.",
        )

    def handle(self, outdir, format=None, **options):
        from courses.models import ArticlePage, CoursePage
        from courses.worksheet import topic_questions
        from quizzes.quiz import revision_questions

        formats = format or list(FORMATS)
        if outdir.exists() and not outdir.is_dir():
            raise CommandError(f"{outdir}: not a folder")
        outdir.mkdir(parents=True, exist_ok=True)
        quizzes = [
            (page, page.title, topic_questions(page))
            for page in ArticlePage.objects.live().public().order_by("path")
        ]
        quizzes += [
            (course, f"{course.title}: revision quiz", revision_questions(0))
            for course in CoursePage.objects.live().public().order_by("path")
        ]
        files = questions = 0
        for number, (page, title, quiz) in enumerate(quizzes, start=1):
            stem = f"{page.slug}-quiz" if isinstance(page, ArticlePage) else f"{page.slug}-revision"
            for fmt in formats:
                ending = FORMATS[fmt][0]
                (outdir / f"{stem}.{ending}").write_bytes(
                    export(fmt, title, quiz, page.get_full_url(), page.slug)
                )
                files += 1
            questions += len(quiz)
            self.stdout.write(f"[{number}/{len(quizzes)}] {stem}: {len(quiz)} questions")
        self.stdout.write(
            self.style.SUCCESS(
                f"Exported {len(quizzes)} quizzes ({questions} questions) as {files} files "
                f"({', '.join(FORMATS[f][2] for f in formats)}) to {outdir}."
            )
        )
