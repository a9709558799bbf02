from django import forms

CONSENT = (
    "I agree to receive Clio's newsletter by email. I can unsubscribe at any time from any email."
)


class SubscribeForm(forms.Form):
    """The subscription box. `website` is a honeypot: hidden from people, filled in by bots."""

    email = forms.EmailField(label="Your email address", max_length=254)
    name = forms.CharField(label="Your name (optional)", max_length=100, required=False)
    consent = forms.BooleanField(label=CONSENT, required=True)
    website = forms.CharField(required=False, label="Leave this field empty")
