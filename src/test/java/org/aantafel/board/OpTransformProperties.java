package org.aantafel.board;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class OpTransformProperties {

  private static BoardState after(BoardState state, List<Op> first, List<Op> second) {
    BoardState copy = state.copy();
    copy.applyCommitted(first);
    copy.applyCommitted(second);
    return copy;
  }

  @Property
  void clientListsConvergeInBothOrders(@ForAll long seed) {
    RandomOps.Concurrent c = RandomOps.Concurrent.random(new Random(seed), 7);
    List<List<Op>> primes = OpTransform.transformClient(c.local(), c.remote());
    assertEquals(after(c.state(), c.local(), primes.get(1)).toMap(), after(c.state(), c.remote(), primes.get(0)).toMap());
  }

  @Property
  void serverEndsWhereTheSubmittingClientEnds(@ForAll long seed) {
    // The client's pending ops are the server's incoming ones; what it has not seen is what was committed.
    RandomOps.Concurrent c = RandomOps.Concurrent.random(new Random(seed), 7);
    BoardState server = after(c.state(), c.remote(), OpTransform.transformIncoming(c.local(), c.remote()));
    BoardState client = after(c.state(), c.local(), OpTransform.transformClient(c.local(), c.remote()).get(1));
    assertEquals(client.toMap(), server.toMap());
  }

  @Property
  void transformingOverNothingChangesNothing(@ForAll long seed) {
    Random random = new Random(seed);
    BoardState state = RandomOps.randomBoard(random);
    List<Op> ops = new RandomOps(random, "l").ops(state, random.nextInt(8));
    assertEquals(ops, OpTransform.transformIncoming(ops, List.of()));
    assertEquals(List.of(ops, List.of()), OpTransform.transformClient(ops, List.of()));
    assertEquals(List.of(List.of(), ops), OpTransform.transformClient(List.of(), ops));
  }
}
