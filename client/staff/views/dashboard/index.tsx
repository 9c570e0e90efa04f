/** Being written (issue 8). */
import { ViewHeading } from '../../components/view-heading.tsx';

/** Placeholder until the screen is written. */
export default function View() {
  return <ViewHeading title="…" viewKey="todo" />;
}
