// The ways to sign in that this deployment offers (GET /client-config says which): accounts (sign up,
// confirm with the emailed code, sign in), the developer sign-in of dev and test, and a pasted token.

import { h } from './dom.js';
import { call, ApiError } from './api.js';
import { explain } from './messages.js';
import * as session from './session.js';

let fieldIds = 0;

/** Fills the sign-in view; `signedIn` runs once a session has started. */
export function renderSignIn(config, signedIn) {
  const methods = [];
  if (config.signIn.accounts) methods.push(accounts(signedIn));
  if (config.signIn.developer) methods.push(developer(signedIn));
  methods.push(pastedToken(signedIn, methods.length === 0));
  document.querySelector('[data-slot=sign-in-methods]').replaceChildren(...methods);
}

function accounts(signedIn) {
  // The password typed at sign-up, kept in this closure only until the confirmation signs the user in.
  let pending = null;
  const signInForm = form('Sign in', 'Sign in', [input('Email address', 'email', 'email', 'username'),
    input('Password', 'password', 'password', 'current-password')], async (values) => {
    try {
      await signInWith(values.email, values.password, signedIn);
    } catch (error) {
      if (error.code !== 'not-confirmed') throw error;
      pending = values;
      showConfirm(values.email);
    }
  });
  const signUpForm = form('Create an account', 'Create account', [input('Email address', 'email', 'email', 'username'),
    input('Password', 'password', 'password', 'new-password')], async (values) => {
    await call('/v1/auth/signup', { method: 'POST', auth: false, body: values });
    pending = values;
    showConfirm(values.email);
  });
  const confirmForm = form('Confirm your email address', 'Confirm', [
    h('p', { className: 'hint', dataset: { field: 'confirm-hint' } }),
    input('Confirmation code', 'code', 'text', 'one-time-code', { inputmode: 'numeric' })], async (values) => {
    await call('/v1/auth/confirm', { method: 'POST', auth: false, body: { email: pending.email, code: values.code } });
    await signInWith(pending.email, pending.password, signedIn);
    pending = null;
  });
  confirmForm.hidden = true;
  signUpForm.hidden = true;

  const showConfirm = (email) => {
    signInForm.hidden = true;
    signUpForm.hidden = true;
    confirmForm.hidden = false;
    confirmForm.querySelector('[data-field=confirm-hint]').textContent = `We sent a code to ${email}. Enter it here.`;
    confirmForm.querySelector('input').focus();
  };
  const toggle = (showUp) => {
    signInForm.hidden = showUp;
    signUpForm.hidden = !showUp;
    confirmForm.hidden = true;
    (showUp ? signUpForm : signInForm).querySelector('input').focus();
  };
  signInForm.append(h('p', { className: 'switch' }, 'New here? ',
    h('button', { type: 'button', className: 'link', on: { click: () => toggle(true) } }, 'Create an account')));
  signUpForm.append(h('p', { className: 'switch' }, 'Already have an account? ',
    h('button', { type: 'button', className: 'link', on: { click: () => toggle(false) } }, 'Sign in')));
  return h('div', { className: 'method accounts' }, signInForm, signUpForm, confirmForm);
}

async function signInWith(email, password, signedIn) {
  const tokens = await call('/v1/auth/signin', { method: 'POST', auth: false, body: { email, password } });
  session.start({ kind: 'account', user: email, accessToken: tokens.accessToken, refreshToken: tokens.refreshToken });
  signedIn();
}

function developer(signedIn) {
  const el = form('Developer sign-in', 'Sign in as developer', [
    h('p', { className: 'hint' }, 'Development and test only: a token signed by the local development key, for any name.'),
    input('Name', 'user', 'text', 'username', { value: 'developer' })], async (values) => {
    const { token } = await call('/dev/token', { method: 'POST', auth: false, body: { user: values.user } });
    session.start({ kind: 'developer', user: values.user, accessToken: token });
    signedIn();
  });
  el.querySelector('button[type=submit]').dataset.action = 'dev-sign-in';
  return h('div', { className: 'method developer' }, el);
}

function pastedToken(signedIn, open) {
  const el = form(null, 'Use this token', [
    h('p', { className: 'hint' }, 'A bearer token (JWT) from the identity provider this service trusts.'),
    input('Access token', 'token', 'password', 'off')], async (values) => {
    const accessToken = values.token.trim();
    // Tried before it becomes the session, so a refused token is this form's error, not a signed-out session.
    const answer = await fetch('/v1/jobs?limit=1', { headers: { Authorization: `Bearer ${accessToken}` } })
      .catch(() => { throw new ApiError(0, { code: 'network' }); });
    if (!answer.ok) throw new ApiError(answer.status, { code: answer.status === 401 ? 'token-refused' : `http-${answer.status}` });
    session.start({ kind: 'token', user: 'Token user', accessToken });
    signedIn();
  });
  return h('details', { className: 'method token', open },
    h('summary', {}, 'Use an access token'), el);
}

/** A form with a heading, fields and a submit button; errors from `submit` show in its alert line. */
function form(title, action, fields, submit) {
  const error = h('p', { className: 'form-error', role: 'alert', hidden: true });
  const button = h('button', { type: 'submit', className: 'button primary' }, action);
  const el = h('form', {},
    title ? h('h2', {}, title) : null, ...fields, button, error);
  el.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.hidden = true;
    button.disabled = true;
    try {
      await submit(Object.fromEntries(new FormData(el)));
      el.reset();
    } catch (failure) {
      error.textContent = explain(failure.code, failure.detail);
      error.hidden = false;
    } finally {
      button.disabled = false;
    }
  });
  return el;
}

function input(label, name, type, autocomplete, extra = {}) {
  fieldIds += 1;
  const id = `field-${name}-${fieldIds}`;
  return h('div', { className: 'field' },
    h('label', { for: id }, label),
    h('input', { id, name, type, autocomplete, required: true, ...extra }));
}
