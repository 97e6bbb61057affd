/** Placeholder host until the grassroots theme's live subscription and map layers land. */
export default function GrassrootsHost() {
  return null;
}
