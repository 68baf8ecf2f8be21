import { format, getMessages, type Locale } from '../../i18n';
import type { ConfigProblem } from './env';

/** One translated line per refused variable, under a heading that says where to fix them. */
export function describeConfigProblems(problems: readonly ConfigProblem[], locale: Locale): string[] {
  const t = getMessages(locale).config;
  return [t.heading, ...problems.map((problem) => `  ${format(t.problems[problem.code], problem.values)}`)];
}
