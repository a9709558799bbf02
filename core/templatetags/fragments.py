"""`{% fragment "name" part… %}…{% endfragment %}`: a part of a page rendered once per content
version and then served from the cache, for readers the page cache cannot serve (a reader with
progress, a page not yet kept) and for the first render of each page.

The parts name everything the fragment shows besides the content: the page, its revision, the
quiz seed… The address's scheme and host are added here, since fragments hold absolute links.
A preview of a draft is always rendered afresh.
"""

from django import template

from courses.menu import cached_content

register = template.Library()


class FragmentNode(template.Node):
    def __init__(self, parts, nodelist):
        self.parts = parts
        self.nodelist = nodelist

    def render(self, context):
        request = context.get("request")
        if request is None or getattr(request, "is_preview", False):
            return self.nodelist.render(context)
        parts = ":".join(str(part.resolve(context)) for part in self.parts)
        key = f"fragment:{request.scheme}://{request.get_host()}:{parts}"
        return cached_content(key, lambda: self.nodelist.render(context))


@register.tag
def fragment(parser, token):
    bits = token.split_contents()[1:]
    if not bits:
        raise template.TemplateSyntaxError("{% fragment %} needs a name")
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode([parser.compile_filter(bit) for bit in bits], nodelist)
