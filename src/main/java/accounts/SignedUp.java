package accounts;

/** {@code POST /v1/auth/signup}: the new user's id (the {@code sub} of their tokens), to be confirmed. */
public record SignedUp(String userSub, boolean confirmed) {
}
