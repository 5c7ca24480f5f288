export default defineBackground(() => {
  // Filled in by the message router.
});
