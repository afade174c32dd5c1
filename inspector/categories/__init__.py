"""Call categories (客户之声): why the customer called, from a category pack a team lead edits."""
