// The seam through which another domain adds a rule to posts.assign (recruitment's 公示 gate):
// its issues join the eligibility failures, so a county/admin override passes them with its
// reason exactly as it passes the others. Assignments no gate objects to work as before.
import type { FieldIssue } from '../../../shared/rpc/errors';
import type { PostDoc } from '../store/docs';

/** What keeps `residentId` off `post` on `today` (empty: nothing). */
export type AssignGate = (post: PostDoc, residentId: string, today: string) => Promise<FieldIssue[]>;

/** Every gate's issues, in the order the gates were added. */
export async function gateIssues(gates: readonly AssignGate[], post: PostDoc, residentId: string, today: string): Promise<FieldIssue[]> {
  const issues: FieldIssue[] = [];
  for (const gate of gates) issues.push(...(await gate(post, residentId, today)));
  return issues;
}
