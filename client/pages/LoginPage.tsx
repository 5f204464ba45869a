import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { Link, Navigate, useNavigate, useSearchParams } from "react-router";
import { id as t } from "../../shared/messages/id";
import { FormField } from "../components/FormField";
import {
  errorCode,
  forgetSessionEnded,
  forgetUnshownAnswers,
  hasSessionEnded,
  safeReturnPath,
  useAuth,
} from "../lib/auth";
import { useTRPC } from "../lib/trpc";
import { usePageTitle } from "../lib/usePageTitle";

type Field = "username" | "password";

function firstFieldMessage(
  zodError: { formErrors: string[]; fieldErrors: Record<string, string[] | undefined> } | null | undefined,
): string | undefined {
  if (!zodError) return undefined;
  return (
    zodError.formErrors[0] ?? Object.values(zodError.fieldErrors).find((messages) => messages?.length)?.[0]
  );
}

/** Messages the server words for people; anything else (a lost connection) gets ours. */
const SERVER_WORDED = new Set(["UNAUTHORIZED", "TOO_MANY_REQUESTS"]);

export function LoginPage() {
  const text = t.account.login;
  usePageTitle(text.title);
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  // Said once: coming back to this page later does not repeat it.
  const [sessionEnded] = useState(() => hasSessionEnded(queryClient));
  useEffect(() => forgetSessionEnded(queryClient), [queryClient]);
  const target = safeReturnPath(params.get("kembali"));
  const { user } = useAuth();
  // Signed out, with the pages behind sign-in gone: what they fetched is forgotten now, for
  // whoever signs in next. Not earlier: a page still on screen would fetch it again, signed out.
  useEffect(() => {
    if (user === null) forgetUnshownAnswers(queryClient);
  }, [user, queryClient]);

  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const inputs = { username: useRef<HTMLInputElement>(null), password: useRef<HTMLInputElement>(null) };
  const ids = { username: useId(), password: useId(), alert: useId() };

  const login = useMutation(
    trpc.auth.login.mutationOptions({
      onSuccess: (signedIn) => {
        queryClient.setQueryData(trpc.auth.me.queryKey(), signedIn);
        // Everything cached so far was fetched as somebody else (or nobody).
        void queryClient.invalidateQueries();
        navigate(target, { replace: true });
      },
      onError: () => {
        setPassword("");
        inputs.password.current?.focus();
      },
    }),
  );

  if (user) return <Navigate to={target} replace />;

  function submit(event: FormEvent) {
    event.preventDefault();
    const found: Partial<Record<Field, string>> = {};
    if (username.trim() === "") found.username = text.usernameRequired;
    if (password === "") found.password = text.passwordRequired;
    setErrors(found);
    const first = (["username", "password"] as const).find((field) => found[field]);
    if (first) {
      login.reset();
      inputs[first].current?.focus();
      return;
    }
    login.mutate({ username: username.trim(), password });
  }

  const code = login.error ? errorCode(login.error) : undefined;
  const failure = login.error
    ? code && SERVER_WORDED.has(code)
      ? login.error.message
      : (firstFieldMessage(login.error.data?.zodError) ?? text.failed)
    : null;

  return (
    <div className="page login-page">
      <h1>{text.title}</h1>
      {sessionEnded && !login.isPending ? (
        <p className="notice" role="status">
          {text.sessionEnded}
        </p>
      ) : null}
      <p className="muted">{text.intro}</p>
      <form
        className="panel login-form"
        onSubmit={submit}
        noValidate
        aria-describedby={failure ? ids.alert : undefined}
      >
        <FormField id={ids.username} name="username" label={text.username} error={errors.username}>
          {(props) => (
            <input
              {...props}
              ref={inputs.username}
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              value={username}
              onChange={(event) => setUsername(event.target.value)}
            />
          )}
        </FormField>
        <FormField id={ids.password} name="password" label={text.password} error={errors.password}>
          {(props) => (
            <input
              {...props}
              ref={inputs.password}
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(event) => setPassword(event.target.value)}
            />
          )}
        </FormField>
        {failure ? (
          <p role="alert" id={ids.alert} className="notice notice-error">
            {failure}
          </p>
        ) : null}
        <button type="submit" disabled={login.isPending}>
          {login.isPending ? text.submitting : text.submit}
        </button>
      </form>
      <p>
        {text.awardsPublic} <Link to="/penghargaan">{t.nav.awards}</Link>
      </p>
    </div>
  );
}
