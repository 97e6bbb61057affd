export default function OpsPage() {
  return null;
}
